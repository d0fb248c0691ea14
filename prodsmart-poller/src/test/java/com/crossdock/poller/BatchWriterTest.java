package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolDrainer;
import com.crossdock.platform.spool.SpoolOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch writer's retry loop, when neither Kafka nor the spool takes a batch (a closed spool refuses appends). */
class BatchWriterTest {

    private static final Backoff RETRY = Backoff.exponential(Duration.ofMillis(5), 2.0, Duration.ofMillis(20));

    @TempDir
    Path dir;

    @Test
    void retriesWithTheFeedRetryUntilKafkaTakesTheBatch() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        RecordSink sink = record -> sends.incrementAndGet() <= 3
                ? CompletableFuture.failedFuture(new IllegalStateException("no broker"))
                : CompletableFuture.completedFuture(null);

        try (DurableSpool spool = closedSpool()) {
            writer(sink, spool, RETRY).persist(List.of(new ProducerRecord<>(Topics.PRODSMART_CHANGES_RAW,
                    "k".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))));
        }

        assertThat(sends).as("three refused rounds, then Kafka took it").hasValue(4);
    }

    @Test
    void refusesARetryThatWouldGiveUpOnABatchThatExistsNowhereElse() throws Exception {
        try (DurableSpool spool = closedSpool()) {
            assertThatThrownBy(() -> writer(record -> null, spool, RETRY.withMaxAttempts(5)))
                    .hasMessageContaining("crossdock.prodsmart.feed.retry.max-attempts must be 0");
        }
    }

    private DurableSpool closedSpool() throws Exception {
        DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir));
        spool.close();
        return spool;
    }

    private static BatchWriter writer(RecordSink sink, DurableSpool spool, Backoff retry) {
        SpoolDrainer drainer = new SpoolDrainer(spool, record -> null, Duration.ofSeconds(1), Backoff.fixed(Duration.ofSeconds(1)));
        return new BatchWriter(sink, spool, drainer, Duration.ofSeconds(1), retry,
                new PollerMetrics(new SimpleMeterRegistry(), Clock.systemUTC(), 120, Duration.ofMinutes(1)));
    }
}
