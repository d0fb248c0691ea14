package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PollerLease;
import com.crossdock.platform.poller.PollerMetrics;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.testing.StandaloneKafka;
import com.crossdock.testing.TestSchemaRegistry;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.Timeouts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka really unavailable mid-drain (its process frozen, {@link StandaloneKafka}): the page read before
 * Kafka stopped answering goes to the spool once {@code kafka-timeout} has passed, nothing more is read
 * from Prodsmart's destructive feed while the spool holds it, and once Kafka is back every change arrives,
 * none lost, none twice in effect (a record both acknowledged late and spooled carries one event id). The
 * only poller test with its own broker, hence its own context, closed before the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ProdsmartPollerApplication.class,
        properties = {"spring.config.name=prodsmart-poller",
                "crossdock.vendors.prodsmart.auth.key=prodsmart-demo-key", "crossdock.vendors.prodsmart.auth.secret=prodsmart-demo-secret",
                "crossdock.prodsmart.channels[0].name=stock", "crossdock.prodsmart.channels[0].type=STOCK",
                "crossdock.prodsmart.feed.idle-interval=500ms", "crossdock.prodsmart.feed.kafka-timeout=3s",
                "crossdock.prodsmart.feed.recheck-interval=200ms", "crossdock.prodsmart.reconciliation.enabled=false",
                "crossdock.prodsmart.lease.session-timeout=6s",
                "crossdock.vendors.prodsmart.rate-limit-period=270ms", "crossdock.vendors.prodsmart.retry.initial-interval=100ms",
                "crossdock.spool.drain-interval=200ms", "crossdock.spool.retry.initial-interval=400ms",
                "crossdock.spool.retry.max-interval=1s", "crossdock.spool.send-timeout=2s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PollerKafkaOutageTest {

    private static final Duration PATIENCE = Timeouts.RECOVERY;
    private static StandaloneKafka kafka;
    /** A sandbox of its own: the other poller tests' cached contexts keep draining the shared one's feed. */
    private static SandboxServer sandboxApp;
    private static String sandboxUrl;

    @Autowired
    DurableSpool spool;

    @Autowired
    PollerLease lease;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void standaloneKafka(DynamicPropertyRegistry registry) throws IOException {
        kafka = StandaloneKafka.start();
        sandboxApp = SandboxServer.start(PollerTestSupport.LIMIT, PollerTestSupport.PERIOD);
        sandboxUrl = sandboxApp.url();
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", TestSchemaRegistry::url);
        registry.add("crossdock.vendors.prodsmart.base-url", () -> sandboxUrl + "/prodsmart");
        registry.add("crossdock.spool.directory", Files.createTempDirectory("poller-outage-spool")::toString);
    }

    @AfterAll
    static void stopKafkaAndSandbox() {
        if (sandboxApp != null) {
            sandboxApp.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void readsNothingMoreWhileKafkaIsDownAndLosesAndDuplicatesNothing() {
        String channel = "stock";
        // a first change through a healthy Kafka: the producer is connected and the lease held
        change(channel, List.of(Map.of("product-code", "KD-warm", "stock", 1)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(idsByProduct()).containsKey("KD-warm"));
        assertThat(lease.isActive()).isTrue();

        kafka.pause();
        try {
            change(channel, IntStream.range(0, 60).mapToObj(i -> Map.of("product-code", "KD-" + i, "stock", i)).toList());
            // one page (25) was read, Kafka did not acknowledge it within kafka-timeout: it is in the spool
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(spool.depth()).isGreaterThanOrEqualTo(25));
            assertThat(meters.counter(PollerMetrics.SPOOLED, "vendor", PollerConfiguration.VENDOR).count()).isGreaterThanOrEqualTo(25);
            // and no further destructive read happens while the spool holds records
            await().during(Duration.ofSeconds(3)).atMost(PATIENCE).untilAsserted(() -> assertThat(pending(channel)).isEqualTo(35));
        } finally {
            kafka.resume();
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Set<UUID>> ids = idsByProduct();
            assertThat(IntStream.range(0, 60).mapToObj(i -> "KD-" + i)).allSatisfy(code -> assertThat(ids).containsKey(code));
            // at most one event id per change: a record Kafka acknowledged late and also spooled is the same event
            assertThat(ids.values()).allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
            assertThat(pending(channel)).isZero();
        });
        assertThat(spool.depth()).isZero();
    }

    private void change(String channel, Object items) {
        sandboxApp.control().prodsmart().change(channel, items);
    }

    private int pending(String channel) {
        return sandboxApp.control().prodsmart().pending(channel);
    }

    /** Product code → the event ids of its total-level StockChanged events (lot events left out). */
    private Map<String, Set<UUID>> idsByProduct() {
        return new TopicReader(kafka.bootstrapServers()).all(Topics.STOCK_CHANGED).stream()
                .map(record -> codec.decode(record, StockChanged.class)).filter(e -> e.getLot() == null)
                .collect(Collectors.groupingBy(StockChanged::getProductCode,
                        Collectors.mapping(e -> e.getEnvelope().getEventId(), Collectors.toSet())));
    }
}
