package com.crossdock.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.crossdock.ingress.webhook.IngressMetrics;
import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.ingress.webhook.WebhookProvider;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, points 7 and 8: a webhook signed as the document shows it verifies, and once the signature verifies the
 * webhook is kept, whatever its body, its age or its uuid: on the raw topic (the mapper stage maps it or dead-letters
 * it with the reason), or on the quarantine topic (stale, without uuid or sending time) until an operator releases
 * it. The document's own example payloads (prodsmart-api.pl.txt, "Elementy webhook"), on the real broker.
 */
class ProdsmartWebhookKeepTest extends IngressIntegrationTest {

    private static final String QUARANTINE = Topics.quarantineTopic(Topics.PRODSMART_WEBHOOK_RAW);
    private static final String MOVEMENT_TOPIC = Example.RECEIVING_INVENTORY_MOVEMENT_CREATED.topic();

    @Autowired
    MeterRegistry meters;
    @Autowired
    RawRecordSender sender;
    @Autowired
    ConsumerGroup ingressMapperGroup;

    @Test
    void verifiesTheDocumentsHeaderExampleAnHmacSha1InHexInTheSha256Header() {
        // "Nagłówki webhook": the document's header set, its uuid and its 40 hex digits in x-prodsmart-hmac-sha256
        String uuid = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_CREATE.body();
        Map<String, String> headers = new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER)
                .headers("productionOrder/create", body, UUID.fromString(uuid), Instant.now());
        assertThat(headers.get(ProdsmartHeaders.HMAC_SHA256)).hasSameSizeAs("c938fe31379c0d89b37468e1cae9e3aab2d56834");

        webhooks.post(headers, body, "corr-" + uuid).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted");

        assertThat(awaitRaw(uuid).value()).isEqualTo(body);
        awaitEvent(Topics.PRODUCTION_ORDER_CHANGED, uuid);
    }

    @Test
    void keepsAVerifiedBodyTheStrictReaderRefusesAndTheMapperStageDecides() {
        String movement = new String(Example.RECEIVING_INVENTORY_MOVEMENT_CREATED.body(), StandardCharsets.UTF_8);
        // the document's own shapes elsewhere ("Ruch magazynowy": "quantity": "10", "warehouse-location": "Zone2")
        Map<String, String> bodies = Map.of(
                "quantity as a string", movement.replace("\"quantity\": 10.0", "\"quantity\": \"10\""),
                "more than 6 decimals", movement.replace("\"quantity\": 10.0", "\"quantity\": 10.1234567"),
                "stock-type neither in nor out", movement.replace("\"stock-type\": \"in\"", "\"stock-type\": \"transfer\""),
                "an unknown field shape", movement.replace(
                        movement.substring(movement.indexOf("\"warehouse-location\": {"), movement.indexOf("\"purchase-order\"")),
                        "\"warehouse-location\": \"Zone2\",\n    "));
        Map<String, String> uuids = new HashMap<>();
        bodies.forEach((why, body) -> {
            assertThat(body).as(why).isNotEqualTo(movement);
            String uuid = Webhooks.newUuid();
            uuids.put(why, uuid);
            webhooks.post(MOVEMENT_TOPIC, body.getBytes(StandardCharsets.UTF_8), uuid).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("accepted");
        });

        // what the document shows maps (vendor-prodsmart reads it); what no mapping can give a sign is dead-lettered
        // with the reason, for an operator to fix the mapping and replay
        Set<String> deadLettered = Set.of("stock-type neither in nor out");
        bodies.forEach((why, body) -> {
            String uuid = uuids.get(why);
            assertThat(awaitRaw(uuid).value()).as(why).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            if (deadLettered.contains(why)) {
                await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(deadLetters(uuid)).as(why).hasSize(1));
                ConsumerRecord<byte[], byte[]> dead = deadLetters(uuid).get(0);
                assertThat(dead.value()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
                assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_MESSAGE)).as(why).contains("transfer");
                assertThat(events(Topics.STOCK_CHANGED, uuid)).as(why).isEmpty();
            } else {
                await().atMost(Timeouts.PATIENCE).untilAsserted(() ->
                        assertThat(events(Topics.STOCK_CHANGED, uuid)).as(why).hasSize(1));
                assertThat(deadLetters(uuid)).as(why).isEmpty();
            }
        });
    }

    @Test
    void keepsVerifiedBrokenJsonRawAndDeadLettersItWithTheReason() {
        String uuid = Webhooks.newUuid();
        byte[] body = "{\"id\": 1, \"products\": [{\"product\": \"V1\", \"quantity-ordered\": 35x}]}"
                .getBytes(StandardCharsets.UTF_8);

        webhooks.post(Example.PRODUCTION_ORDER_CREATE.topic(), body, uuid).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted");

        assertThat(awaitRaw(uuid).value()).isEqualTo(body);
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(deadLetters(uuid)).hasSize(1));
        ConsumerRecord<byte[], byte[]> dead = deadLetters(uuid).get(0);
        assertThat(dead.value()).isEqualTo(body);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_MESSAGE)).isNotBlank();
        assertThat(TopicReader.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.PRODSMART_WEBHOOK_RAW);
    }

    @Test
    void quarantinesAStaleWebhookEitherWayAndCountsIt() {
        String old = Webhooks.newUuid();
        String future = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_UPDATE.body();
        double before = quarantined("stale");

        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, old, Instant.now().minus(Duration.ofMinutes(6)),
                Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("quarantined").jsonPath("$.uuid").isEqualTo(old);
        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, future, Instant.now().plus(Duration.ofMinutes(6)),
                Algorithm.HMAC_SHA1_BASE64).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("quarantined");

        for (String uuid : List.of(old, future)) {
            ConsumerRecord<byte[], byte[]> kept = awaitQuarantined(ProdsmartHeaders.WEBHOOK_UUID, uuid);
            assertThat(kept.value()).isEqualTo(body);
            assertThat(TopicReader.header(kept, RawRecordHeaders.QUARANTINE_REASON)).isEqualTo("stale");
            assertThat(new String(kept.key(), StandardCharsets.UTF_8)).isEqualTo("1");
            assertThat(headerNames(kept)).contains(ProdsmartHeaders.TOPIC, ProdsmartHeaders.TRIGGERED_AT)
                    .noneMatch(name -> name.contains("hmac"));
        }
        assertThat(quarantined("stale")).isEqualTo(before + 2);
        assertNotOnTheRawTopic(ProdsmartHeaders.WEBHOOK_UUID, old);

        // the same webhook again is a duplicate, not a second copy
        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, old, Instant.now().minus(Duration.ofMinutes(6)),
                Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("duplicate");
        assertThat(topics.withHeader(QUARANTINE, ProdsmartHeaders.WEBHOOK_UUID, old)).hasSize(1);
    }

    @Test
    void quarantinesAWebhookWithoutUuidUnderAnIdDerivedFromTopicAndBody() {
        byte[] body = Example.RECEIVING_INVENTORY_MOVEMENT_DELETED.body();
        String topic = Example.RECEIVING_INVENTORY_MOVEMENT_DELETED.topic();
        // unique per run: the derived id is a hash of topic and body, and the broker outlives a test
        byte[] unique = new String(body, StandardCharsets.UTF_8).replace("111", Long.toString(System.nanoTime()))
                .getBytes(StandardCharsets.UTF_8);
        String derived = WebhookProvider.derivedId(topic, unique);

        webhooks.postWithoutUuid(topic, unique).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("quarantined").jsonPath("$.uuid").isEqualTo(derived);
        webhooks.postWithoutUuid(topic, unique).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("duplicate").jsonPath("$.uuid").isEqualTo(derived);

        ConsumerRecord<byte[], byte[]> kept = awaitQuarantined(RawRecordHeaders.DELIVERY_ID, derived);
        assertThat(kept.value()).isEqualTo(unique);
        assertThat(TopicReader.header(kept, RawRecordHeaders.QUARANTINE_REASON)).isEqualTo("no-delivery-id");
        assertThat(topics.withHeader(QUARANTINE, RawRecordHeaders.DELIVERY_ID, derived)).hasSize(1);
        assertNotOnTheRawTopic(RawRecordHeaders.DELIVERY_ID, derived);
    }

    @Test
    void quarantinesAWebhookWithoutAUsableSendingTime() {
        String missing = Webhooks.newUuid();
        String unreadable = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_UPDATE.body();
        Map<String, String> headers = new HashMap<>(new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA256_HEX)
                .headers(Example.PRODUCTION_ORDER_UPDATE.topic(), body, UUID.fromString(missing), Instant.now()));
        headers.remove(ProdsmartHeaders.TRIGGERED_AT);
        webhooks.post(headers, body, "corr-" + missing).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("quarantined");
        headers.put(ProdsmartHeaders.WEBHOOK_UUID, unreadable);
        headers.put(ProdsmartHeaders.TRIGGERED_AT, "yesterday");
        webhooks.post(headers, body, "corr-" + unreadable).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("quarantined");

        for (String uuid : List.of(missing, unreadable)) {
            assertThat(TopicReader.header(awaitQuarantined(ProdsmartHeaders.WEBHOOK_UUID, uuid),
                    RawRecordHeaders.QUARANTINE_REASON)).isEqualTo("no-sending-time");
        }
    }

    /** What {@code operator quarantine release} does: the record, key, value and headers, onto the raw topic. */
    @Test
    void mapsAQuarantinedWebhookOnceReleasedToTheRawTopicWithItsOwnIds() throws Exception {
        String stale = Webhooks.newUuid();
        byte[] body = Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.body();
        webhooks.post(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.topic(), body, stale,
                Instant.now().minus(Duration.ofHours(2)), Algorithm.HMAC_SHA256_HEX).expectStatus().isOk();
        byte[] uuidLess = Example.PRODUCTION_ORDER_CREATE.body();
        String uuidLessTopic = "productionOrder/update";
        byte[] unique = new String(uuidLess, StandardCharsets.UTF_8).replace("Test Production Order", "PO " + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8);
        String derived = WebhookProvider.derivedId(uuidLessTopic, unique);
        webhooks.postWithoutUuid(uuidLessTopic, unique).expectStatus().isOk();

        ConsumerRecord<byte[], byte[]> staleKept = awaitQuarantined(ProdsmartHeaders.WEBHOOK_UUID, stale);
        ConsumerRecord<byte[], byte[]> uuidLessKept = awaitQuarantined(RawRecordHeaders.DELIVERY_ID, derived);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events(Topics.STOCK_CHANGED, stale)).isEmpty());

        for (ConsumerRecord<byte[], byte[]> kept : List.of(staleKept, uuidLessKept)) {
            ProducerRecord<byte[], byte[]> released = new ProducerRecord<>(
                    Topics.releaseTopic(kept.topic()).orElseThrow(), kept.key(), kept.value());
            kept.headers().forEach(header -> released.headers().add(header));
            sender.send(released).get();
        }

        awaitEvent(Topics.STOCK_CHANGED, stale);
        awaitEvent(Topics.PRODUCTION_ORDER_CHANGED, derived);
    }

    private ConsumerRecord<byte[], byte[]> awaitQuarantined(String header, String id) {
        await().atMost(Timeouts.PATIENCE).untilAsserted(() ->
                assertThat(topics.withHeader(QUARANTINE, header, id)).isNotEmpty());
        return topics.withHeader(QUARANTINE, header, id).get(0);
    }

    private void assertNotOnTheRawTopic(String header, String id) {
        assertThat(topics.withHeader(Topics.PRODSMART_WEBHOOK_RAW, header, id)).isEmpty();
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(String uuid) {
        return topics.withHeader(ingressMapperGroup.deadLetterTopic(Topics.PRODSMART_WEBHOOK_RAW),
                ProdsmartHeaders.WEBHOOK_UUID, uuid);
    }

    private void awaitEvent(String topic, String deliveryId) {
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(events(topic, deliveryId)).isNotEmpty());
    }

    private List<ConsumerRecord<byte[], byte[]>> events(String topic, String deliveryId) {
        String eventId = Envelopes.eventId("prodsmart-webhook:" + deliveryId + ":0").toString();
        return topics.withHeader(topic, EventPublisher.EVENT_ID, eventId);
    }

    private double quarantined(String reason) {
        var counter = meters.find(IngressMetrics.QUARANTINED).tag(IngressMetrics.PROVIDER, "prodsmart")
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }
}
