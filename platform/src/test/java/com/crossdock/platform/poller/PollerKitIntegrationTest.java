package com.crossdock.platform.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.platform.vendor.VendorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kit on its own: a fake vendor "acme" (a feed channel and a paged list, over real HTTP) adapted by a few lines
 * below, run by {@link PollerKitConfiguration} against a real in-process broker.
 */
@SpringBootTest(classes = PollerKitIntegrationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "crossdock.kafka.partitions=1",
                "crossdock.spool.name=acme-poller", "crossdock.spool.drain-interval=200ms",
                "crossdock.vendors.acme.shares.reconciliation.rate-limit-permits=100",
                "crossdock.admin.token=" + PollerKitIntegrationTest.ADMIN_TOKEN})
@EmbeddedKafka(partitions = 1, brokerProperties = "group.initial.rebalance.delay.ms=0")
class PollerKitIntegrationTest {

    static final FakeVendor VENDOR = new FakeVendor()
            .replies("/orders", FakeVendor.Reply.of(200, "[\"o1\",\"o2\"]"), FakeVendor.Reply.of(200, "[\"o3\"]"))
            .replies("/articles", FakeVendor.Reply.of(200, "[\"a1\",\"a2\"]"), FakeVendor.Reply.of(200, "[\"a3\"]"))
            .otherwise(FakeVendor.Reply.of(200, "[]"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String ADMIN_TOKEN = "acme-admin-token";

    @DynamicPropertySource
    static void vendorAndSpool(DynamicPropertyRegistry registry) throws Exception {
        registry.add("crossdock.vendors.acme.base-url", VENDOR::baseUrl);
        registry.add("crossdock.spool.directory", Files.createTempDirectory("acme-spool")::toString);
    }

    @AfterAll
    static void stopVendor() {
        VENDOR.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PollerLease lease;

    @LocalServerPort
    int port;

    @Test
    void drainsTheFeedBackToBackThenReconcilesOnDemandUnderOneBudget() {
        List<String> raw = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> raw.add(
                        header(record.headers().lastHeader("crossdock.acme.channel")) + ":" + utf8(record.value())));
                assertThat(raw).containsExactly("orders:o1", "orders:o2", "orders:o3");
            });
            assertThat(lease.isActive()).isTrue();
            assertThat(meters.get(PollerMetrics.LEASE).tags("vendor", "acme", "account", "north").gauge().value()).isEqualTo(1);
            assertThat(meters.get(PollerMetrics.ITEMS).tags("vendor", "acme", "channel", "orders", "type", "ORDER")
                    .counter().count()).isGreaterThanOrEqualTo(3);
            assertThat(meters.get(PollerMetrics.BUDGET_USED).tags("vendor", "acme").gauge().value()).isPositive();

            Map<?, ?> started = WebClient.create("http://localhost:" + port).post().uri("/admin/acme/reconciliation")
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).retrieve().bodyToMono(Map.class).block();

            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> raw.add(
                        header(record.headers().lastHeader("crossdock.acme.batch-id")) + ":" + utf8(record.value())));
                String runId = (String) started.get("runId");
                assertThat(raw).endsWith(runId + ":a1", runId + ":a2", runId + ":a3");
            });
            assertThat(VENDOR.received("/articles")).extracting(FakeVendor.Received::uri)
                    .containsExactly("/articles?page=1", "/articles?page=2");
            assertThat(meters.get(PollerMetrics.RECONCILIATION_ITEMS).tags("vendor", "acme", "kind", "article")
                    .counter().count()).isEqualTo(3);
            // reconciliation's calls went through the vendor client kit's share of the one budget
            assertThat(meters.get(VendorMetrics.CALLS).tags("vendor", "acme", "operation", "listArticles").counters())
                    .isNotEmpty();
        }
    }

    @Test
    void answersNotFoundForAVendorThisServiceDoesNotPoll() {
        HttpStatus status = WebClient.create("http://localhost:" + port).post().uri("/admin/other/reconciliation")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .exchangeToMono(response -> reactor.core.publisher.Mono.just(HttpStatus.valueOf(response.statusCode().value())))
                .block();

        assertThat(status).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void startsNoReconciliationWithoutTheAdminToken() {
        HttpStatus status = WebClient.create("http://localhost:" + port).post().uri("/admin/acme/reconciliation")
                .header("Authorization", "Bearer not-" + ADMIN_TOKEN)
                .exchangeToMono(response -> reactor.core.publisher.Mono.just(HttpStatus.valueOf(response.statusCode().value())))
                .block();

        assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "kit-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(KitFixtures.RAW.topic()));
        return consumer;
    }

    private static String header(Header header) {
        return header == null ? "-" : utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The whole vendor adapter of "acme": a definition, a feed source and a reconciliation pass. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PollerKitConfiguration.class)
    static class App {

        @Bean
        PollerDefinition pollerDefinition() {
            return new PollerDefinition("acme", "north", KitFixtures.RAW, new PublishedLimit(600, Duration.ofMinutes(1)),
                    new FeedSettings(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(100), null),
                    new LeaseSettings(Duration.ofSeconds(6)), new ReconciliationSettings(false, "0 0 3 * * *"),
                    ZoneOffset.UTC);
        }

        @Bean
        PollerSources pollerSources(PollerBudget budget, JsonMapper json) {
            FeedSource orders = new FeedSource() {
                @Override
                public String channel() {
                    return "orders";
                }

                @Override
                public String type() {
                    return "ORDER";
                }

                @Override
                public byte[] fetch() {
                    return budget.feed().exchange("getOrders", web -> web.get().uri("/orders"), byte[].class).block();
                }

                @Override
                public Page page(byte[] body, Read read) {
                    JsonNode answer = json.readTree(body);
                    return Page.of(answer.valueStream().map(item -> KitFixtures.RAW.item(channel(), type(), item.asString(), read.id(),
                            null)).toList(), answer.size(), 2);
                }
            };
            ReconciliationPass articles = ReconciliationPass.of("articles", (page, run) -> {
                JsonNode answer = budget.reconciliation().exchange("listArticles",
                        web -> web.get().uri(uri -> uri.path("/articles").queryParam("page", page).build()), JsonNode.class)
                        .block();
                run.count("article", answer.size());
                return Page.of(answer.valueStream().map(item -> KitFixtures.RAW.item("articles", "ARTICLE", item.asString(), run.id(),
                        null)).toList(), answer.size(), 2);
            });
            return new PollerSources(List.of(orders), List.of(articles));
        }
    }
}
