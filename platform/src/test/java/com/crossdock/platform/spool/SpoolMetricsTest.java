package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolMetricsTest {

    @TempDir
    Path dir;

    @Test
    void gaugesFollowWhatWaitsForKafka() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            SpoolMetrics.register(registry, "webhooks", spool);
            spool.append(record(1));
            spool.append(record(2));

            assertThat(registry.get(SpoolMetrics.DEPTH).tag("spool", "webhooks").gauge().value()).isEqualTo(2);
            assertThat(registry.get(SpoolMetrics.BYTES).gauge().value()).isEqualTo(spool.bytes()).isPositive();
            assertThat(registry.get(SpoolMetrics.FSYNCS).functionCounter().count()).isEqualTo(2);

            spool.drain(sent -> CompletableFuture.completedFuture(null));

            assertThat(registry.get(SpoolMetrics.DEPTH).gauge().value()).isZero();
            assertThat(registry.get(SpoolMetrics.BYTES).gauge().value()).isZero();
            assertThat(registry.get(SpoolMetrics.CORRUPTIONS).functionCounter().count()).isZero();
        }
    }
}
