package com.crossdock.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChanged;
import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.ingress.webhook.IngressMetrics;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook → raw topic → mapper stage → canonical topic, on the real broker. */
class ProdsmartWebhookFlowTest extends IngressIntegrationTest {

    private static final Duration WAIT = Timeouts.PATIENCE;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesTheVerifiedWebhookRawAndPublishesProductionOrderChanged() {
        String uuid = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_CREATE.body();

        webhooks.post(Example.PRODUCTION_ORDER_CREATE.topic(), body, uuid).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted").jsonPath("$.uuid").isEqualTo(uuid);

        ConsumerRecord<byte[], byte[]> raw = awaitRaw(uuid);
        assertThat(raw.value()).isEqualTo(body);
        assertThat(new String(raw.key(), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(headerNames(raw)).contains(ProdsmartHeaders.TOPIC, ProdsmartHeaders.API_VERSION,
                        ProdsmartHeaders.TRIGGERED_AT, RawRecordHeaders.RECEIVED_AT, RawRecordHeaders.CORRELATION_ID, "content-type")
                .noneMatch(name -> name.contains("hmac"));
        assertThat(TopicReader.header(raw, RawRecordHeaders.CORRELATION_ID)).isEqualTo("corr-" + uuid);

        ProductionOrderChanged event = codec.decode(awaitEvent(Topics.PRODUCTION_ORDER_CHANGED, uuid, 0), ProductionOrderChanged.class);
        assertThat(event.getAction()).isEqualTo(ChangeAction.CREATED);
        assertThat(event.getOrderId()).isEqualTo("1");
        assertThat(event.getLines()).singleElement().satisfies(line -> assertThat(line.getProductCode()).isEqualTo("V23076"));
        assertThat(event.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.PRODSMART);
        assertThat(event.getEnvelope().getCorrelationId()).isEqualTo("corr-" + uuid);
        assertThat(event.getEnvelope().getTenant().getOrganisation()).isEqualTo(COMPANY);
    }

    @Test
    void countsWebhooksWithTheKitsOwnMetersOnlyWhileOtherPathsAreObservedAsUsual() {
        double received = meters.get(IngressMetrics.RECEIVED).tag(IngressMetrics.PROVIDER, "prodsmart").counter().count();

        webhooks.post(Example.PRODUCTION_ORDER_CREATE.topic(), Example.PRODUCTION_ORDER_CREATE.body(), Webhooks.newUuid())
                .expectStatus().isOk();
        web.get().uri("/no-such-path").exchange().expectStatus().isNotFound();

        assertThat(meters.get(IngressMetrics.RECEIVED).tag(IngressMetrics.PROVIDER, "prodsmart").counter().count())
                .isEqualTo(received + 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(meters.find("http.server.requests").tag("status", "404")
                .timers()).as("other paths are timed").isNotEmpty());
        assertThat(meters.find("http.server.requests").timers()).as("issue 15: a webhook is not observed twice")
                .noneMatch(timer -> String.valueOf(timer.getId().getTag("uri")).startsWith("/webhooks/"));
    }

    @Test
    void readsADateWithoutZoneInTheCompanysZoneSetOnceForEveryModule() {
        String uuid = Webhooks.newUuid();
        byte[] body = new String(Example.PRODUCTION_ORDER_UPDATE.body(), StandardCharsets.UTF_8)
                .replace("2023-04-20T09:15:15Z", "2023-04-20T09:15:15").getBytes(StandardCharsets.UTF_8);

        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, uuid).expectStatus().isOk();

        // crossdock.prodsmart.time-zone is Europe/Lisbon here: UTC+1 in April
        ProductionOrderChanged event = codec.decode(awaitEvent(Topics.PRODUCTION_ORDER_CHANGED, uuid, 0), ProductionOrderChanged.class);
        assertThat(event.getStartDate()).isEqualTo(Instant.parse("2023-04-20T08:15:15Z"));
    }

    @Test
    void publishesAStockChangePerMovementKeyedByProductAndLocation() {
        String uuid = Webhooks.newUuid();

        webhooks.post(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.topic(), Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.body(), uuid)
                .expectStatus().isOk();

        ConsumerRecord<byte[], byte[]> record = awaitEvent(Topics.STOCK_CHANGED, uuid, 0);
        StockChanged event = codec.decode(record, StockChanged.class);
        // crossdock.prodsmart.location is unset here: the consumer's default location; the bin is a detail
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(Topics.stockKey("product-code", ""));
        assertThat(event.getQuantity()).isEqualByComparingTo("-10");
        assertThat(event.getLocation()).isEmpty();
        assertThat(event.getBin()).isEqualTo("warehouse-location-code");
        assertThat(event.getMovement().getDate()).isEqualTo(Instant.parse("2022-02-21T00:00:00Z"));
    }

    @Test
    void answersARepeatedWebhookUuidWithoutStoringOrPublishingItAgain() {
        String uuid = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_UPDATE.body();

        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, uuid).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted");
        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, uuid).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("duplicate").jsonPath("$.uuid").isEqualTo(uuid);

        awaitEvent(Topics.PRODUCTION_ORDER_CHANGED, uuid, 0);
        awaitRaw(uuid);
        assertThat(events(Topics.PRODUCTION_ORDER_CHANGED, uuid, 0)).hasSize(1);
    }

    @Test
    void keepsAnUnknownTopicRawAndCountsIt() {
        String uuid = Webhooks.newUuid();
        double before = unmapped("unknown");

        webhooks.post("invoice/create", "{\"id\": 77}".getBytes(StandardCharsets.UTF_8), uuid).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted");

        assertThat(awaitRaw(uuid).key()).isEqualTo("77".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).untilAsserted(() -> assertThat(unmapped("unknown")).isGreaterThan(before));
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("dedupeMemoryHealthIndicator")
    org.springframework.boot.health.contributor.HealthIndicator dedupeMemory;

    @Test
    void isReadyOnItsSpoolAndShowsTheDedupeMemoryRebuilt() {
        awaitReady();

        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.spool.status").isEqualTo("UP")
                .jsonPath("$.components.dedupeMemory").doesNotExist();
        // issue 13, point 8: actuator is not on the public port the webhooks come in on
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        await().atMost(WAIT).untilAsserted(() -> assertThat(dedupeMemory.health().getDetails())
                .containsEntry("rebuilt", true));
    }

    /**
     * The trace a webhook arrives in (W3C traceparent) continues on Kafka: the raw record and the canonical event the
     * mapper stage publishes for it carry the same trace id in their traceparent headers (docs/tracing.md); the log
     * lines of the request and of the mapper's listener have the webhook's correlation id in their logging context.
     */
    @Test
    void theWebhooksTraceAndCorrelationIdFollowItThroughKafkaAndIntoTheLogs() {
        String uuid = Webhooks.newUuid();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + uuid.substring(0, 4);
        try (CapturedLogs intake = CapturedLogs.debugOf("com.crossdock.ingress.webhook.WebhookIntake");
                CapturedLogs mapper = CapturedLogs.debugOf("com.crossdock.ingress.webhook.WebhookMapperStage")) {
            webhooks.postInTrace(Example.PRODUCTION_ORDER_CREATE.topic(), Example.PRODUCTION_ORDER_CREATE.body(), uuid,
                    "00-" + traceId + "-00f067aa0ba902b7-01").expectStatus().isOk();

            assertThat(TopicReader.header(awaitRaw(uuid), "traceparent")).startsWith("00-" + traceId + "-");
            ConsumerRecord<byte[], byte[]> event = awaitEvent(Topics.PRODUCTION_ORDER_CHANGED, uuid, 0);
            assertThat(TopicReader.header(event, "traceparent")).startsWith("00-" + traceId + "-");

            assertThat(intake.mdcOfLinesAbout(uuid)).isNotEmpty()
                    .allSatisfy(mdc -> assertThat(mdc).containsEntry("correlationId", "corr-" + uuid)
                            .containsEntry("traceId", traceId));
            await().atMost(WAIT).untilAsserted(() -> assertThat(mapper.mdcOfLinesAbout(uuid)).isNotEmpty()
                    .allSatisfy(mdc -> assertThat(mdc).containsEntry("correlationId", "corr-" + uuid)
                            .containsEntry("traceId", traceId)));
        }
    }

    private ConsumerRecord<byte[], byte[]> awaitEvent(String topic, String uuid, int index) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(topic, uuid, index)).isNotEmpty());
        return events(topic, uuid, index).get(0);
    }

    private List<ConsumerRecord<byte[], byte[]>> events(String topic, String uuid, int index) {
        UUID eventId = Envelopes.eventId("prodsmart-webhook:" + uuid + ":" + index);
        return topics.withHeader(topic, EventPublisher.EVENT_ID, eventId.toString());
    }

    private double unmapped(String topic) {
        var counter = meters.find(IngressMetrics.UNMAPPED).tag(IngressMetrics.PROVIDER, "prodsmart").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }
}
