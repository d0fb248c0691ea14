package com.crossdock.paqtana;

import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;

import com.crossdock.platform.events.EventPublisher;
import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testkit.Timeouts;
import org.apache.avro.specific.SpecificRecord;
import com.crossdock.paqtana.inventory.MasterInventoryPublisher;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher on the JVM's real broker and the real Paqtana sandbox. Every integration test class extends
 * this one and adds nothing to the configuration, so they all share one Spring context.
 */
@SpringBootTest(classes = PaqtanaPublisherApplication.class, properties = {
        "spring.config.name=paqtana-publisher",
        "crossdock.paqtana.debounce=200ms",
        "crossdock.paqtana.run-cron=-",
        "crossdock.paqtana.push-retry.initial-interval=500ms",
        "crossdock.paqtana.push-retry.max-interval=500ms",
        "crossdock.paqtana.zone=UTC",
        "crossdock.paqtana.workspaces.wh2=secondary",
        "crossdock.vendors.paqtana.timeout=10s",
        "crossdock.vendors.paqtana.auth.token=paqtana-demo-token",
        "crossdock.vendors.paqtana.retry.initial-interval=50ms",
        "crossdock.vendors.paqtana.retry.max-interval=200ms"})
@CrossdockKafkaTest
public abstract class PaqtanaIntegrationTest {

    protected static final Duration WAIT = Timeouts.PATIENCE;
    /** Longer than any wait between two pushes the publisher makes on its own here (push-retry 500 ms). */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Autowired
    protected EventPublisher events;

    @Autowired
    protected MasterInventoryPublisher runs;

    @DynamicPropertySource
    static void paqtana(DynamicPropertyRegistry registry) {
        registry.add("crossdock.vendors.paqtana.base-url", () -> PaqtanaSandbox.url() + "/paqtana");
    }

    @BeforeAll
    static void noFaults() {
        PaqtanaSandbox.clearFaults();
    }

    protected void publish(String topic, String key, SpecificRecord event) {
        assertThat(events.publish(topic, key, event).block(WAIT)).isNotNull();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Starts daily runs (master inventory, then the demand that changed) until the assertion holds: the demand goes
     * only with a run, and the view may not have applied the test's records at the first one.
     */
    protected void runUntil(ThrowingRunnable assertion) {
        eventually().pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            runs.runNow();
            assertion.run();
        });
    }

    /**
     * Waits until Paqtana has had no request for {@code QUIET}: the runs an earlier {@link #runUntil} asked for
     * (queued behind the one it saw) and their retries (500 ms here) are over, so what comes next is this test's.
     */
    protected static void awaitPaqtanaQuiet() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> PaqtanaSandbox.received("/v2/", Instant.now().minus(QUIET)).isEmpty());
    }

    /** Waits for an assertion to hold; a row or item the sandbox does not hold yet is not there yet. */
    protected static ConditionFactory eventually() {
        return await().atMost(WAIT).ignoreException(NoSuchElementException.class);
    }
}
