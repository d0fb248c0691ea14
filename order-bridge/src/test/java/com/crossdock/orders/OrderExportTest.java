package com.crossdock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.optimakers.OptimakersOrders;
import com.crossdock.vendor.optimakers.OptimakersProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * A BaseLinker order reaches Optimakers once: imported and created with the configured status, attributes,
 * currency and VAT ids; read twice or replayed, still once; created before a crash that lost its link, found and
 * linked, not created again; served and its answer lost (a connection reset), not created again by a retry; an unmappable currency is a dead letter naming the setting, and once the setting is
 * there, its replay creates the order once.
 */
class OrderExportTest extends BridgeTestSupport {

    @Autowired
    ConsumerGroup orderExportGroup;

    @Autowired
    OptimakersProperties optimakersSettings;

    @Autowired
    OptimakersApi optimakersApi;

    @Autowired
    OrderLinks links;

    @Test
    void anOrderAddedAtBaseLinkerIsCreatedAtOptimakersWithTheConfiguredIds() {
        long orderId = addBaseLinkerOrder("PLN", "STOL-1");

        long optimakersId = awaitAtOptimakers(Long.toString(orderId));

        JsonNode created = optimakersApi.order(Long.toString(optimakersId)).block(Timeouts.BLOCK);
        assertThat(created.path("statusId").asLong()).isEqualTo(1);
        assertThat(created.path("currencyId").asLong()).isEqualTo(1);
        assertThat(created.path("items").get(0).path("vatRateId").asLong()).isEqualTo(1);
        assertThat(created.path("items").get(0).path("sku").asString()).isEqualTo("STOL-1");
        assertThat(created.path("items").get(0).path("priceGross").asString()).isEqualTo("1299");
        assertThat(created.path("attributes").valueStream()
                .map(a -> a.path("attributeId").asLong() + "=" + a.path("value").asString()).toList())
                .containsExactly("11=InPost Paczkomaty", "12=12.99", "13=PayU", "14=gift", "15=fv",
                        "16=prosze o szybka wysylke");
        assertThat(created.path("customer").path("attributes").get(0).path("value").asString()).isEqualTo("jan.k");
        await().atMost(Timeouts.PATIENCE).until(() -> links.optimakersId(Long.toString(orderId)).isPresent());
        assertThat(links.optimakersId(Long.toString(orderId))).contains(Long.toString(optimakersId));
    }

    @Test
    void anOrderReadTwiceOrReplayedIsCreatedOnce() throws Exception {
        long orderId = addBaseLinkerOrder("EUR", "KRZESLO-2");
        String id = Long.toString(orderId);
        awaitAtOptimakers(id);
        ConsumerRecord<byte[], byte[]> placed = TopicReader.shared().all(Topics.ORDER_PLACED).stream()
                .filter(record -> id.equals(new String(record.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();

        // read twice: the same record again on the topic; replayed: on the group's retry topic, as the operator does
        raw.send(new ProducerRecord<>(Topics.ORDER_PLACED, placed.key(), placed.value())).get(5, TimeUnit.SECONDS);
        raw.send(new ProducerRecord<>(orderExportGroup.retryTopic(Topics.ORDER_PLACED), placed.key(), placed.value()))
                .get(5, TimeUnit.SECONDS);
        // both copies consumed: the group's committed offsets reach the ends of the topic and its retry topic
        await().atMost(Timeouts.PATIENCE).until(() -> caughtUp(orderExportGroup.id(),
                List.of(Topics.ORDER_PLACED, orderExportGroup.retryTopic(Topics.ORDER_PLACED))));

        assertThat(optimakersOrders(id)).hasSize(1);
    }

    @Test
    void anOrderWhoseCreateWasServedButWhoseAnswerWasLostIsCreatedOnce() throws Exception {
        String id = "98" + System.nanoTime() % 1_000_000_000;
        // the create reaches Optimakers (the order exists there), then the connection is reset: no answer comes back
        sandbox.post().uri("/_sandbox/faults/optimakers/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("count", 1, "afterServing", true, "reset", true, "method", "POST"))
                .retrieve().toBodilessEntity();
        try {
            publishOrder(id, "PLN");

            await().atMost(Timeouts.PATIENCE).until(() -> links.optimakersId(id).isPresent());
            assertThat(sandbox.get().uri("/_sandbox/faults").retrieve().body(JsonNode.class).has("optimakers/api/orders"))
                    .as("the reset was used on a create").isFalse();
            // held a moment: a create repeated behind the link would show now
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            assertThat(optimakersOrders(id)).as("created once, not again by a blind retry of the create").hasSize(1);
        } finally {
            sandbox.delete().uri("/_sandbox/faults/optimakers/api/orders").retrieve().toBodilessEntity();
        }
    }

    @Test
    void anOrderCreatedBeforeACrashThatLostItsLinkIsFoundAndLinkedNotCreatedAgain() throws Exception {
        String id = "99" + System.nanoTime() % 1_000_000_000;
        // the create reached Optimakers, then the service died before the link was stored
        JsonNode before = sandbox.post().uri("/optimakers/api/orders").header("X-Api-Key", "optimakers-demo-key")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("externalId", OptimakersOrders.reference(id), "statusId", 1, "currencyId", 1,
                        "items", List.of(Map.of("sku", "T-1", "quantity", "1", "vatRateId", 1))))
                .retrieve().body(JsonNode.class);

        publishOrder(id, "PLN");

        await().atMost(Timeouts.PATIENCE).until(() -> links.optimakersId(id).isPresent());
        assertThat(links.optimakersId(id)).contains(before.path("id").asString());
        assertThat(optimakersOrders(id)).hasSize(1);
    }

    @Test
    void anUnmappableCurrencyIsADeadLetterAndOnceMappedItsReplayCreatesTheOrderOnce() throws Exception {
        String id = "77" + System.nanoTime() % 1_000_000_000;
        publishOrder(id, "USD");

        String deadLetters = orderExportGroup.deadLetterTopic(Topics.ORDER_PLACED);
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(deadLetter(deadLetters, id)).isNotNull());
        ConsumerRecord<byte[], byte[]> dead = deadLetter(deadLetters, id);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_MESSAGE))
                .contains("currency USD has no Optimakers id (crossdock.optimakers.currencies.USD)");
        assertThat(optimakersOrders(id)).isEmpty();

        // the setting added (crossdock.optimakers.currencies.USD: the sandbox's EUR id stands in), as after a restart,
        // and the dead letter replayed twice: one order
        OptimakersProperties fixed = new OptimakersProperties(optimakersSettings.orderStatus(),
                optimakersSettings.attributes(), Map.of("PLN", 1L, "USD", 2L), optimakersSettings.vatRates());
        OrderExporter restarted = new OrderExporter(codec, new OptimakersOrders(fixed, null), optimakersApi, links);
        restarted.onOrder(dead);
        restarted.onOrder(dead);

        assertThat(optimakersOrders(id)).hasSize(1);
        assertThat(optimakersOrders(id).get(0).path("id").asString()).isEqualTo(links.optimakersId(id).orElseThrow());
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(String topic, String id) {
        return TopicReader.shared().all(topic).stream()
                .filter(record -> id.equals(new String(record.key(), StandardCharsets.UTF_8))).findFirst().orElse(null);
    }

}
