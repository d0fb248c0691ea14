package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.record;
import static com.crossdock.platform.spool.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.spool.TestRecords.RecordingSender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDrainerTest {

    private static final Backoff RETRY = Backoff.exponential(Duration.ofMillis(40), 2.0, Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private DurableSpool spool;
    private SpoolDrainer drainer;

    @BeforeEach
    void openSpool() throws IOException {
        spool = DurableSpool.open(SpoolOptions.defaults(dir));
    }

    @AfterEach
    void closeSpool() throws IOException {
        if (drainer != null) {
            drainer.stop();
        }
        spool.close();
    }

    @Test
    void drainsWhatIsSpooledInTheBackground() throws IOException {
        RecordingSender sender = new RecordingSender();
        drainer = new SpoolDrainer(spool, sender, Duration.ofMillis(20), RETRY);
        drainer.start();

        appendAll(records(0, 10));

        await().untilAsserted(() -> assertThat(sender.sent()).containsExactlyElementsOf(records(0, 10)));
        assertThat(spool.isEmpty()).isTrue();
        assertThat(drainer.isRunning()).isTrue();
    }

    @Test
    void backsOffWhileKafkaFailsAndDeliversOnceItIsBack() throws IOException {
        AtomicBoolean kafkaDown = new AtomicBoolean(true);
        List<SpoolRecord> attempted = new CopyOnWriteArrayList<>();
        RecordingSender kafka = new RecordingSender();
        drainer = new SpoolDrainer(spool, record -> {
            attempted.add(record);
            return kafkaDown.get() ? CompletableFuture.failedFuture(new IllegalStateException("no broker"))
                    : kafka.send(record);
        }, Duration.ofMillis(10), Backoff.exponential(Duration.ofMillis(20), 2.0, Duration.ofMillis(80)));
        appendAll(records(0, 5));
        drainer.start();

        await().untilAsserted(() -> assertThat(drainer.consecutiveFailures()).isGreaterThanOrEqualTo(3));
        assertThat(attempted).as("each failed drain stops at the first record").containsOnly(record(0));
        kafkaDown.set(false);

        await().untilAsserted(() -> assertThat(kafka.sent()).containsExactlyElementsOf(records(0, 5)));
        await().untilAsserted(() -> assertThat(drainer.consecutiveFailures()).isZero());
    }

    @Test
    void drainNowDoesNotWaitForTheInterval() throws IOException {
        RecordingSender sender = new RecordingSender();
        appendAll(records(0, 3));
        drainer = new SpoolDrainer(spool, sender, Duration.ofHours(1), Backoff.fixed(Duration.ofHours(1)));
        drainer.start();
        await().untilAsserted(() -> assertThat(sender.sent()).hasSize(3));

        appendAll(records(3, 6));
        drainer.drainNow();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(sender.sent()).containsExactlyElementsOf(records(0, 6)));
    }

    @Test
    void aGracefulStopDrainsWhatIsLeftWhileKafkaTakesIt() throws IOException {
        RecordingSender sender = new RecordingSender();
        drainer = new SpoolDrainer(spool, sender, Duration.ofHours(1), Backoff.fixed(Duration.ofHours(1)),
                Duration.ofSeconds(10));
        drainer.start();
        await().untilAsserted(() -> assertThat(drainer.drains()).isEqualTo(1));
        appendAll(records(0, 4));
        assertThat(spool.depth()).as("the next scheduled drain is an hour away").isEqualTo(4);

        drainer.stop();

        assertThat(sender.sent()).containsExactlyElementsOf(records(0, 4));
        assertThat(spool.depth()).isZero();
    }

    @Test
    void stopFinishesTheSendInFlightAndPersistsThePosition() throws Exception {
        List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();
        appendAll(records(0, 5));
        drainer = new SpoolDrainer(spool, record -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        }, Duration.ofMillis(10), RETRY);
        drainer.start();
        await().untilAsserted(() -> assertThat(acks).hasSize(1));

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(drainer::stop);
        await().untilAsserted(() -> assertThat(drainer.isRunning()).isFalse());
        acks.get(0).complete(null);
        stopped.get();

        assertThat(acks).as("no send after stop").hasSize(1);
        spool.close();
        spool = DurableSpool.open(SpoolOptions.defaults(dir));
        assertThat(spool.depth()).isEqualTo(4);
    }

    private void appendAll(List<SpoolRecord> records) throws IOException {
        for (SpoolRecord record : records) {
            spool.append(record);
        }
    }
}
