package com.crossdock.platform.poller;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolDrainer;

/** The kit's parts as the unit tests build them: vendor "acme", raw items only, a drainer that never runs. */
final class KitFixtures {

    static final RawItems RAW = new RawItems("acme-raw", "crossdock.acme");

    private KitFixtures() {
    }

    static BatchWriter writer(RecordSink sink, DurableSpool spool, Duration kafkaTimeout, Backoff retry,
            PollerMetrics metrics) {
        SpoolDrainer drainer = new SpoolDrainer(spool, record -> null, Duration.ofSeconds(1), Backoff.fixed(Duration.ofSeconds(1)));
        return new BatchWriter(sink, spool, drainer, kafkaTimeout, retry, metrics);
    }

    /** For raw items only: an event to serialize fails the test. */
    static RecordEncoder rawOnlyEncoder() {
        return new RecordEncoder((topic, value) -> {
            throw new IllegalStateException("raw items only");
        }, RAW);
    }

    /** Kafka taking every record at once, noting {@code sent <value>} in {@code events}. */
    static RecordSink recordingSink(List<String> events) {
        return record -> {
            events.add("sent " + new String(record.value(), StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        };
    }
}
