package com.crossdock.platform.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save-before-next-read: Kafka, else the spool, else retry; never give up on a batch that exists nowhere else. */
class BatchWriterTest {

    private static final Backoff RETRY = Backoff.exponential(Duration.ofMillis(5), 2.0, Duration.ofMillis(20));
    private static final ProducerRecord<byte[], byte[]> RECORD = new ProducerRecord<>("acme-raw",
            "k".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @Test
    void retriesWithTheFeedRetryUntilKafkaTakesTheBatch() throws Exception {
        // a closed spool refuses appends: neither Kafka nor the spool takes the batch three times
        AtomicInteger sends = new AtomicInteger();
        RecordSink sink = record -> sends.incrementAndGet() <= 3
                ? CompletableFuture.failedFuture(new IllegalStateException("no broker"))
                : CompletableFuture.completedFuture(null);

        try (DurableSpool spool = closedSpool()) {
            writer(sink, spool, RETRY).persist(List.of(RECORD));
        }

        assertThat(sends).as("three refused rounds, then Kafka took it").hasValue(4);
    }

    @Test
    void spoolsWhatKafkaDoesNotAcknowledgeInTimeAndPutsLaterBatchesBehindIt() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        // Kafka never answers the first batch; it would take the second at once
        RecordSink sink = record -> sends.incrementAndGet() == 1 ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(null);

        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            BatchWriter writer = writer(sink, spool, RETRY);
            writer.persist(List.of(RECORD));
            assertThat(spool.depth()).isEqualTo(1);

            writer.persist(List.of(RECORD, RECORD));

            assertThat(sends).as("nothing overtakes the spooled batch").hasValue(1);
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(registry.counter(PollerMetrics.SPOOLED, "vendor", "acme").count()).isEqualTo(3);
        }
    }

    private DurableSpool closedSpool() throws Exception {
        DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir));
        spool.close();
        return spool;
    }

    private BatchWriter writer(RecordSink sink, DurableSpool spool, Backoff retry) {
        return KitFixtures.writer(sink, spool, Duration.ofMillis(200), retry, new PollerMetrics(registry, Clock.systemUTC(), "acme"));
    }
}
