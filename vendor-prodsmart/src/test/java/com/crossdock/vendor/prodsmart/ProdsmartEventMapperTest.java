package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.MovementAction;
import com.crossdock.events.MovementType;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every webhook mapping, from the vendor document's own example bodies (the sandboxes' copies). */
class ProdsmartEventMapperTest {

    private static final Instant TRIGGERED_AT = Instant.parse("2023-08-29T20:39:46.142Z");
    private static final String UUID = "91cb972d-b476-4936-947c-4be471b9da5b";
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** crossdock.prodsmart.location: the company's one stock-keeping location. */
    private static final String PLANT = "PLANT-1";

    private final ProdsmartPayloads payloads = new ProdsmartPayloads(LISBON);
    private final ProdsmartEventMapper mapper = new ProdsmartEventMapper(
            new Envelopes(Clock.fixed(Instant.parse("2023-08-29T20:40:00Z"), ZoneOffset.UTC)),
            new ProdsmartProperties("acme", LISBON, PLANT));

    @Test
    void mapsCreatedProductionOrderWithItsLinesAndDates() {
        CanonicalEvent mapped = single(map(Example.PRODUCTION_ORDER_CREATE));
        ProductionOrderChanged event = (ProductionOrderChanged) mapped.event();

        assertThat(mapped.topic()).isEqualTo(Topics.PRODUCTION_ORDER_CHANGED);
        assertThat(mapped.key()).isEqualTo("1");
        assertThat(event.getAction()).isEqualTo(ChangeAction.CREATED);
        assertThat(event.getOrderId()).isEqualTo("1");
        assertThat(event.getCode()).isEqualTo("Test Production Order");
        assertThat(event.getStatus()).isEqualTo("onschedule");
        assertThat(event.getRunningStatus()).isEqualTo("started");
        assertThat(event.getStartDate()).isEqualTo(Instant.parse("2023-04-20T09:15:15Z"));
        assertThat(event.getDueDate()).isEqualTo(Instant.parse("2023-05-16T17:15:15Z"));
        assertThat(event.getEnded()).isFalse();
        assertThat(event.getActive()).isTrue();
        assertThat(event.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getProductCode()).isEqualTo("V23076");
            assertThat(line.getQuantityOrdered()).isEqualByComparingTo("3500");
            assertThat(line.getQuantityProduced()).isEqualByComparingTo("700");
            assertThat(line.getQuantityOrdered().scale()).isEqualTo(6);
        });
        assertThat(event.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.PRODSMART);
        assertThat(event.getEnvelope().getSourceId()).isEqualTo("1");
        assertThat(event.getEnvelope().getOccurredAt()).isEqualTo(TRIGGERED_AT);
        assertThat(event.getEnvelope().getCorrelationId()).isEqualTo("corr-1");
        assertThat(event.getEnvelope().getEventId()).isEqualTo(Envelopes.eventId("prodsmart-webhook:" + UUID + ":0"));
        assertThat(event.getLocation()).isEqualTo(PLANT);
        assertThat(event.getSite()).isNull();
    }

    @Test
    void stampsTheCompanyAsTheTenantOfWebhookEventsAsTheFeedDoes() {
        ProductionOrderChanged order = (ProductionOrderChanged) single(map(Example.PRODUCTION_ORDER_UPDATE)).event();
        StockChanged movement = (StockChanged) single(map(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED)).event();

        assertThat(order.getEnvelope().getTenant().getOrganisation()).isEqualTo("acme");
        assertThat(movement.getEnvelope().getTenant().getOrganisation()).isEqualTo("acme");
    }

    @Test
    void takesTheLocationOfAnOrderWhoseBodyNamesOneAsItsSite() {
        // the resource as GET /api/production-orders/{id} answers it ("Zamówienie produkcji"): location an object
        ProductionOrderChanged event = (ProductionOrderChanged) single(
                mapOrder("productionOrder/update", DocumentExamples.text(DocumentExamples.PRODUCTION_ORDER))).event();

        assertThat(event.getSite()).isEqualTo("location code");
        assertThat(event.getLocation()).isEqualTo(PLANT);
        assertThat(event.getOrderId()).isEqualTo("3990");
    }

    @Test
    void takesActiveFromTheBodyWhereItSaysAndFromTheActionOtherwise() {
        String inactive = DocumentExamples.text(DocumentExamples.PRODUCTION_ORDER)
                .replace("\"is-active\": true", "\"is-active\": false");

        ProductionOrderChanged updatedButInactive = (ProductionOrderChanged) single(
                mapOrder("productionOrder/update", inactive)).event();
        ProductionOrderChanged deletedWithoutFlag = (ProductionOrderChanged) single(map(Example.PRODUCTION_ORDER_DELETE)).event();

        assertThat(updatedButInactive.getAction()).isEqualTo(ChangeAction.UPDATED);
        assertThat(updatedButInactive.getActive()).isFalse();
        assertThat(deletedWithoutFlag.getActive()).isFalse();
    }

    @Test
    void aClosedOrArchivedOrderIsNotActiveWhateverItsFlagSays() {
        // "running-status": closed ("ręcznie zamknięte lub zamknięte poprzez ukończenie"), archived ("ręcznie
        // zarchiwizowane"): nothing more will be produced, so nothing of it is on its way into stock
        for (String closed : List.of("closed", "archived")) {
            String body = DocumentExamples.text(DocumentExamples.PRODUCTION_ORDER)
                    .replace("\"running-status\": \"started\"", "\"running-status\": \"" + closed + "\"");
            assertThat(body).contains("\"is-active\": true", closed);

            ProductionOrderChanged event = (ProductionOrderChanged) single(mapOrder("productionOrder/update", body)).event();

            assertThat(event.getRunningStatus()).isEqualTo(closed);
            assertThat(event.getActive()).as(closed).isFalse();
        }
    }

    @Test
    void refusesAnOrderLineWithoutItsOrderedQuantity() {
        String withoutQuantity = DocumentExamples.text(DocumentExamples.PRODUCTION_ORDER)
                .replace("\"quantity-ordered\": 3500,", "");

        assertThatThrownBy(() -> mapOrder("productionOrder/update", withoutQuantity))
                .isInstanceOfSatisfying(InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("products[0].quantity-ordered"));
    }

    @Test
    void mapsUpdatedAndDeletedProductionOrders() {
        ProductionOrderChanged updated = (ProductionOrderChanged) single(map(Example.PRODUCTION_ORDER_UPDATE)).event();
        ProductionOrderChanged deleted = (ProductionOrderChanged) single(map(Example.PRODUCTION_ORDER_DELETE)).event();

        assertThat(updated.getAction()).isEqualTo(ChangeAction.UPDATED);
        assertThat(updated.getActive()).isTrue();
        assertThat(deleted.getAction()).isEqualTo(ChangeAction.DELETED);
        assertThat(deleted.getActive()).isFalse();
        assertThat(deleted.getRunningStatus()).isNull();
    }

    @Test
    void mapsShippingMovementToNegativeStockChange() {
        CanonicalEvent mapped = single(map(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED));
        StockChanged event = (StockChanged) mapped.event();

        assertThat(mapped.topic()).isEqualTo(Topics.STOCK_CHANGED);
        assertThat(mapped.key()).isEqualTo(Topics.stockKey("product-code", PLANT));
        assertThat(event.getKind()).isEqualTo(StockChangeKind.MOVEMENT);
        assertThat(event.getProductCode()).isEqualTo("product-code");
        assertThat(event.getLocation()).isEqualTo(PLANT);
        assertThat(event.getBin()).isEqualTo("warehouse-location-code");
        assertThat(event.getWarehouse()).isEqualTo("warehouse-code");
        assertThat(event.getLot()).isEqualTo("lot-code");
        assertThat(event.getUnitOfMeasure()).isEqualTo("uom");
        assertThat(event.getQuantity()).isEqualByComparingTo("-10");
        assertThat(event.getMovement().getAction()).isEqualTo(MovementAction.CREATED);
        assertThat(event.getMovement().getMovementType()).isEqualTo(MovementType.SHIPPING);
        assertThat(event.getMovement().getReference()).isEqualTo("shipping-code");
        assertThat(event.getMovement().getMovementId()).isNull();
        assertThat(event.getEnvelope().getSourceId()).isEqualTo(UUID + ":0");
        assertThat(event.getEnvelope().getOccurredAt()).isEqualTo(TRIGGERED_AT);
        assertThat(event.getMovement().getDate()).isEqualTo(Instant.parse("2022-02-21T00:00:00Z"));
    }

    @Test
    void mapsReceivingMovementToPositiveStockChange() {
        StockChanged event = (StockChanged) single(map(Example.RECEIVING_INVENTORY_MOVEMENT_UPDATED)).event();

        assertThat(event.getQuantity()).isEqualByComparingTo("10");
        assertThat(event.getMovement().getAction()).isEqualTo(MovementAction.UPDATED);
        assertThat(event.getMovement().getMovementType()).isEqualTo(MovementType.RECEIVING);
        assertThat(event.getMovement().getReference()).isEqualTo("receiving-code");
    }

    @Test
    void mapsInternalMovementWithoutReference() {
        StockChanged event = (StockChanged) single(map(Example.INTERNAL_INVENTORY_MOVEMENT_CREATED)).event();

        assertThat(event.getQuantity()).isEqualByComparingTo("10");
        assertThat(event.getMovement().getMovementType()).isEqualTo(MovementType.INTERNAL);
        assertThat(event.getMovement().getReference()).isNull();
    }

    @Test
    void mapsDeletedMovementWithOnlyItsId() {
        CanonicalEvent mapped = single(map(Example.SHIPPING_INVENTORY_MOVEMENT_DELETED));
        StockChanged event = (StockChanged) mapped.event();

        assertThat(mapped.key()).isEqualTo("movement:111");
        assertThat(event.getProductCode()).isEmpty();
        assertThat(event.getLocation()).isEqualTo(PLANT);
        assertThat(event.getQuantity()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(event.getMovement().getAction()).isEqualTo(MovementAction.DELETED);
        assertThat(event.getMovement().getMovementType()).isEqualTo(MovementType.SHIPPING);
        assertThat(event.getMovement().getMovementId()).isEqualTo("111");
        assertThat(event.getEnvelope().getSourceId()).isEqualTo("111");
    }

    @Test
    void givesEachMovementOfOneWebhookItsOwnEventIdInOrder() {
        String two = "[" + body(Example.RECEIVING_INVENTORY_MOVEMENT_CREATED).replaceAll("^\\s*\\[|\\]\\s*$", "") + ","
                + body(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED).replaceAll("^\\s*\\[|\\]\\s*$", "") + "]";
        WebhookTopic topic = WebhookTopic.of("receiving_inventory_movement_created");

        List<CanonicalEvent> events = mapper.map(webhook(topic.name(), two), topic, payloads.parse(topic, bytes(two)));

        assertThat(events).extracting(e -> ((StockChanged) e.event()).getEnvelope().getEventId())
                .containsExactly(Envelopes.eventId("prodsmart-webhook:" + UUID + ":0"),
                        Envelopes.eventId("prodsmart-webhook:" + UUID + ":1"));
        assertThat(events).extracting(e -> ((StockChanged) e.event()).getQuantity())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10"), new BigDecimal("-10"));
    }

    @Test
    void givesTheSameEventIdsWhenTheSameWebhookIsMappedAgain() {
        List<CanonicalEvent> first = map(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED);
        List<CanonicalEvent> again = map(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED);

        assertThat(((StockChanged) again.get(0).event()).getEnvelope().getEventId())
                .isEqualTo(((StockChanged) first.get(0).event()).getEnvelope().getEventId());
    }

    @ParameterizedTest
    @EnumSource(value = Example.class, names = {"PUNCH_CLOCK_CREATED", "MATERIAL_STAGING_CREATED",
            "MATERIAL_STAGING_DELETED", "LOT_CREATED", "LOT_DELETED", "DOWNTIME_CREATED"})
    void keepsTopicsThatNoEventStatesRaw(Example example) {
        assertThat(map(example)).isEmpty();
    }

    @Test
    void keepsAnUnknownTopicRaw() {
        WebhookTopic topic = WebhookTopic.of("invoice/create");

        assertThat(mapper.map(webhook("invoice/create", "{\"id\":5}"), topic, payloads.parse(topic, bytes("{\"id\":5}"))))
                .isEmpty();
    }

    private List<CanonicalEvent> mapOrder(String topicHeader, String body) {
        WebhookTopic topic = WebhookTopic.of(topicHeader);
        return mapper.map(webhook(topicHeader, body), topic, payloads.parse(topic, bytes(body)));
    }

    private List<CanonicalEvent> map(Example example) {
        WebhookTopic topic = WebhookTopic.of(example.topic());
        return mapper.map(webhook(example.topic(), body(example)), topic, payloads.parse(topic, example.body()));
    }

    private static RawWebhook webhook(String topic, String body) {
        return new RawWebhook(topic, UUID, TRIGGERED_AT, "corr-1", bytes(body));
    }

    private static CanonicalEvent single(List<CanonicalEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String body(Example example) {
        return new String(example.body(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
