package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.spool.TestRecords.RecordingSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SpoolConfigurationTest {

    @TempDir
    Path dir;

    private final RecordingSender sender = new RecordingSender();

    private ApplicationContextRunner runner() {
        return runner(sender);
    }

    private ApplicationContextRunner runner(DurableSpool.Sender drainSender) {
        return new ApplicationContextRunner()
                .withUserConfiguration(SpoolConfiguration.class)
                .withBean(DurableSpool.Sender.class, () -> drainSender)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("crossdock.spool.directory=" + dir, "crossdock.spool.name=webhooks",
                        "crossdock.spool.drain-interval=20ms", "crossdock.spool.segment-size=1KB");
    }

    @Test
    void drainsTheSpoolWhileTheContextRunsAndRegistersItsGauges() {
        runner().run(context -> {
            DurableSpool spool = context.getBean(DurableSpool.class);
            assertThat(spool.options().segmentBytes()).isEqualTo(1024);
            assertThat(context.getBean(SpoolDrainer.class).isRunning()).isTrue();

            for (SpoolRecord record : records(0, 5)) {
                spool.append(record);
            }

            await().untilAsserted(() -> assertThat(sender.sent()).containsExactlyElementsOf(records(0, 5)));
            assertThat(context.getBean(MeterRegistry.class).get(SpoolMetrics.DEPTH).tag("spool", "webhooks")
                    .gauge().value()).isZero();
        });
    }

    @Test
    void aRecordKafkaRefusesForGoodIsSetAsideShownOnTheEndpointAndReplayedOnceFixed() {
        java.util.concurrent.atomic.AtomicBoolean limitRaised = new java.util.concurrent.atomic.AtomicBoolean();
        SpoolRecord large = records(0, 3).get(1);
        DurableSpool.Sender refusingLarge = record -> !limitRaised.get() && record.equals(large)
                ? java.util.concurrent.CompletableFuture.failedFuture(
                        new org.apache.kafka.common.errors.RecordTooLargeException("too large"))
                : sender.send(record);
        runner(refusingLarge).run(context -> {
            DurableSpool spool = context.getBean(DurableSpool.class);
            for (SpoolRecord record : records(0, 3)) {
                spool.append(record);
            }

            await().untilAsserted(() -> assertThat(sender.sent()).hasSize(2));
            SpoolEndpoint endpoint = context.getBean(SpoolEndpoint.class);
            assertThat(endpoint.state().setAside()).isEqualTo(1);
            assertThat(endpoint.state().setAsideRecords()).singleElement().satisfies(kept -> {
                assertThat(kept.reason()).contains("RecordTooLargeException");
                assertThat(kept.valueBytes()).isEqualTo(large.value().length);
            });
            assertThat(context.getBean(MeterRegistry.class).get(SpoolMetrics.SET_ASIDE).tag("spool", "webhooks")
                    .gauge().value()).isEqualTo(1.0);

            limitRaised.set(true);
            SpoolEndpoint.Replayed replayed = endpoint.replaySetAside();

            assertThat(replayed.sent()).isEqualTo(1);
            assertThat(replayed.stillSetAside()).isZero();
            assertThat(sender.sent()).last().isEqualTo(large);
        });
    }

    @Test
    void stopsTheDrainerWhenTheContextCloses() {
        SpoolDrainer[] drainer = new SpoolDrainer[1];
        runner().run(context -> drainer[0] = context.getBean(SpoolDrainer.class));

        assertThat(drainer[0].isRunning()).isFalse();
    }

    @Test
    void theDrainRetryTakesTheBackoffVocabularyAndKeepsTheDefaultsItDoesNotName() {
        runner().withPropertyValues("crossdock.spool.retry.max-interval=5s", "crossdock.spool.retry.jitter=0.2")
                .run(context -> assertThat(context.getBean(SpoolProperties.class).retry())
                        .isEqualTo(new Backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(5), 0.2, 0)));
        runner().run(context -> assertThat(context.getBean(SpoolProperties.class).retry())
                .isEqualTo(SpoolProperties.RETRY_DEFAULTS));
    }

    @Test
    void refusesToStartWithADrainThatWouldGiveUp() {
        runner().withPropertyValues("crossdock.spool.retry.max-attempts=3").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("crossdock.spool.retry.max-attempts must be 0"));
    }
}
