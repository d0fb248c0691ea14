package com.crossdock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.crossdock.events.Envelope;
import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.Timeouts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of order-bridge's tests: the whole service against the shared test broker and the
 * BaseLinker and Optimakers sandboxes over real HTTP. The BaseLinker sandbox allows 1,000 requests a minute here
 * (the import reads every 300 ms); {@link BlockedTokenTest} blocks the token with BaseLinker's own answer.
 */
@CrossdockKafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = OrderBridgeApplication.class,
        properties = {"spring.config.name=order-bridge",
                "crossdock.vendors.baselinker.auth.headers.token.value=baselinker-demo-token",
                "crossdock.vendors.optimakers.auth.headers.apikey.value=optimakers-demo-key",
                "crossdock.vendors.baselinker.rate-limit-period=50ms",
                "crossdock.vendors.baselinker.retry.initial-interval=100ms",
                "crossdock.vendors.optimakers.retry.initial-interval=100ms",
                "crossdock.baselinker.feed.idle-interval=300ms",
                "crossdock.baselinker.lease.session-timeout=6s",
                "crossdock.kafka.retry.initial-interval=200ms", "crossdock.kafka.retry.max-interval=1s",
                "crossdock.spool.drain-interval=200ms"})
abstract class BridgeTestSupport {

    static final SandboxServer SANDBOX = SandboxServer.shared("--sandboxes.baselinker.rate-limit=1000");
    static final String ACCOUNT = "test-" + UUID.randomUUID();
    static final long TO_IMPORT = 2;
    static final long TO_SEND = 3;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) throws Exception {
        Path spool = Files.createTempDirectory("order-bridge-spool");
        registry.add("crossdock.vendors.baselinker.base-url", () -> SANDBOX.url("baselinker") + "/connector.php");
        registry.add("crossdock.vendors.optimakers.base-url", () -> SANDBOX.url("optimakers"));
        registry.add("crossdock.baselinker.account", () -> ACCOUNT);
        registry.add("crossdock.spool.directory", spool::toString);
    }

    @Autowired
    EventCodec codec;

    @Autowired
    EventPublisher publisher;

    final RestClient sandbox = RestClient.create(SANDBOX.url());

    /** Adds an order at BaseLinker (status to import), as a shop would; answers its BaseLinker id. */
    long addBaseLinkerOrder(String currency, String sku) {
        Map<String, Object> order = Map.ofEntries(Map.entry("currency", currency),
                Map.entry("payment_method", "PayU"), Map.entry("delivery_method", "InPost Paczkomaty"),
                Map.entry("delivery_price", 12.99), Map.entry("user_login", "jan.k"), Map.entry("email", "jan@example.pl"),
                Map.entry("delivery_fullname", "Jan Kowalski"), Map.entry("extra_field_1", "gift"),
                Map.entry("extra_field_2", "fv"), Map.entry("user_comments", "prosze o szybka wysylke"),
                Map.entry("order_status_id", TO_IMPORT),
                Map.entry("products", List.of(Map.of("name", "Stół dębowy", "sku", sku, "ean", "5901234123457",
                        "product_id", "111", "quantity", 2, "price_brutto", 1299.0, "tax_rate", 23))));
        JsonNode added = sandbox.post().uri("/baselinker/_sandbox/orders").contentType(MediaType.APPLICATION_JSON)
                .body(order).retrieve().body(JsonNode.class);
        return added.path("order_id").asLong();
    }

    /** The Optimakers orders created for BaseLinker order {@code orderId}. */
    List<JsonNode> optimakersOrders(String orderId) {
        JsonNode state = SANDBOX.control().get("/optimakers/_sandbox/state");
        return state.path("orders").valueStream()
                .filter(order -> ("baselinker:" + orderId).equals(order.path("externalId").asString(""))).toList();
    }

    /** Waits until BaseLinker order {@code orderId} is at Optimakers, and answers its Optimakers id. */
    long awaitAtOptimakers(String orderId) {
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(optimakersOrders(orderId)).hasSize(1));
        return optimakersOrders(orderId).get(0).path("id").asLong();
    }

    long baseLinkerStatus(long orderId) {
        return SANDBOX.control().get("/baselinker/_sandbox/orders/" + orderId).path("order_status_id").asLong();
    }

    /** A sales order as BaseLinker's mapping states it, published to OrderPlaced directly. */
    OrderPlaced publishOrder(String orderId, String currency) throws Exception {
        OrderPlaced order = OrderPlaced.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setPublishedAt(Instant.now()).setSourceSystem(SourceSystem.BASELINKER).setSourceId(orderId)
                        .setCorrelationId("test-" + orderId).build())
                .setOrderId(orderId).setPlacedAt(Instant.now()).setCurrency(currency).setKind(OrderKind.SALE)
                .setPricesIncludeTax(true).setCustomer("Anna Nowak")
                .setLines(List.of(OrderLine.newBuilder().setSku("T-1").setQuantity(new BigDecimal("1.000000"))
                        .setUnitPrice(new BigDecimal("100.000000")).setTaxRate(new BigDecimal("23.000000")).build()))
                .build();
        publisher.publish(new CanonicalEvent(Topics.ORDER_PLACED, orderId, order)).block(Timeouts.BLOCK);
        return order;
    }

    /** Stores an Optimakers webhook raw, as the ingress does once it has verified it (its token replaced). */
    void storeWebhook(String eventSource, long id) throws Exception {
        String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"createdAt\": \"" + Instant.now()
                + "\", \"token\": \"******\", \"eventSource\": \"" + eventSource
                + "\", \"webhookRegistrationId\": 1, \"ids\": [" + id + "]}";
        raw.send(new ProducerRecord<>(Topics.OPTIMAKERS_WEBHOOK_RAW, null, body.getBytes(StandardCharsets.UTF_8)))
                .get(Timeouts.BLOCK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Autowired
    RawRecordSender raw;

    @Autowired
    KafkaAdmin kafkaAdmin;

    /** Whether {@code group} has committed every partition of {@code topics} up to its end. */
    boolean caughtUp(String group, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (Map.Entry<String, TopicDescription> topic : admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS).entrySet()) {
                topic.getValue().partitions().forEach(partition ->
                        ends.put(new TopicPartition(topic.getKey(), partition.partition()), OffsetSpec.latest()));
            }
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(ends).all()
                    .get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                if (end.getValue().offset() > 0 && (at == null || at.offset() < end.getValue().offset())) {
                    return false;
                }
            }
            return true;
        }
    }
}
