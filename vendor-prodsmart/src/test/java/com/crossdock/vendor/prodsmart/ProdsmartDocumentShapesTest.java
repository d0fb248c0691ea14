package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.events.MovementType;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 9, point 8 on the mapping side: the mapper reads every shape the document shows (a quantity as text, more
 * than 6 decimals, fields it does not need in any shape) and refuses, naming the field, only what it cannot map.
 */
class ProdsmartDocumentShapesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final Instant TRIGGERED_AT = Instant.parse("2023-08-29T20:39:46.142Z");
    private static final WebhookTopic RECEIVING = WebhookTopic.of("receiving_inventory_movement_created");
    private static final WebhookTopic SHIPPING = WebhookTopic.of("shipping_inventory_movement_created");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProdsmartPayloads payloads = new ProdsmartPayloads(LISBON);
    private final ProdsmartEventMapper mapper = new ProdsmartEventMapper(new Envelopes(Clock.systemUTC()),
            new ProdsmartProperties("acme", LISBON, "PLANT-1"), meters);

    @Test
    void readsTheInventoryMovementResourceWithItsQuantityAsText() {
        // "Tworzenie ruchu magazynowego": "quantity": "10", "type": "in", places as codes, a date-time
        String body = "[" + DocumentExamples.text(DocumentExamples.INVENTORY_MOVEMENT_REQUEST).trim() + "]";

        StockChanged movement = single(map(RECEIVING, body));

        assertThat(movement.getProductCode()).isEqualTo("ProductCode");
        assertThat(movement.getQuantity()).isEqualTo(new BigDecimal("10.000000"));
        assertThat(movement.getLot()).isEqualTo("A");
        assertThat(movement.getBin()).isEqualTo("Zone2");
        assertThat(movement.getWarehouse()).isEqualTo("A");
        assertThat(movement.getLocation()).isEqualTo("PLANT-1");
        assertThat(movement.getMovement().getDate()).isEqualTo(Instant.parse("2018-07-20T09:15:15Z"));
        assertThat(movement.getMovement().getReference()).isEqualTo("receivingCode");
    }

    @Test
    void readsTheListedMovementsWhoseReferencesAreObjectsWithFieldsItDoesNotNeed() {
        // "Wyświetl listę ruchów magazynowych": shipping/receiving objects with nested clientOrder, location ...
        StockChanged movement = single(map(SHIPPING, DocumentExamples.text(DocumentExamples.INVENTORY_MOVEMENTS_LIST)));

        assertThat(movement.getQuantity()).isEqualByComparingTo("10");
        assertThat(movement.getMovement().getMovementId()).isEqualTo("12345");
        assertThat(movement.getMovement().getReference()).isEqualTo("shippingCode");
        assertThat(movement.getMovement().getMovementType()).isEqualTo(MovementType.SHIPPING);
    }

    @Test
    void ignoresTheShapeOfFieldsItDoesNotNeed() {
        String body = text(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED)
                .replace("\"uom\": \"uom\"", "\"uom\": {\"code\": \"kg\"}")
                .replace("\"comment\": \"comment\"", "\"comment\": [\"one\", 2]")
                .replace("\"worker\": {", "\"unknown-extra\": {\"deep\": [1, {\"x\": null}]}, \"worker\": {");

        StockChanged movement = single(map(SHIPPING, body));

        assertThat(movement.getUnitOfMeasure()).isNull();
        assertThat(movement.getQuantity()).isEqualByComparingTo("-10");
        assertThat(movement.getBin()).isEqualTo("warehouse-location-code");
    }

    @Test
    void roundsQuantitiesOfMoreThanSixDecimalsHalfEvenAndCountsThem() {
        String body = text(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED).replace("\"quantity\": 10.0", "\"quantity\": 0.30000000000000004");
        String tie = text(Example.RECEIVING_INVENTORY_MOVEMENT_CREATED).replace("\"quantity\": 10.0", "\"quantity\": \"2.0000005\"");

        StockChanged rounded = single(map(SHIPPING, body));
        StockChanged halfEven = single(map(RECEIVING, tie));

        assertThat(rounded.getQuantity()).isEqualTo(new BigDecimal("-0.300000"));
        assertThat(halfEven.getQuantity()).isEqualTo(new BigDecimal("2.000000"));
        assertThat(meters.counter(ProdsmartEventMapper.ROUNDED, "source", "webhook").count()).isEqualTo(2.0);
    }

    @Test
    void roundsAndCountsFeedQuantitiesToo() {
        JsonNode order = JSON.readTree("{\"id\": 9, \"running-status\": \"started\", \"products\": "
                + "[{\"product\": \"RN2\", \"quantity-ordered\": \"4500\", \"quantity-produced\": 1.23456789}]}");

        ProductionOrderChanged event = (ProductionOrderChanged) mapper.map(ChannelType.PRODUCTION_ORDER, order,
                new ItemContext("feed:orders", "read-1", 0, TRIGGERED_AT)).get(0).event();

        assertThat(event.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getQuantityOrdered()).isEqualTo(new BigDecimal("4500.000000"));
            assertThat(line.getQuantityProduced()).isEqualTo(new BigDecimal("1.234568"));
        });
        assertThat(meters.counter(ProdsmartEventMapper.ROUNDED, "source", "feed").count()).isEqualTo(1.0);
    }

    @Test
    void judgesHugeExponentsWithoutBuildingTheirDigits() {
        // 1e999999999 scaled to 6 decimals would be a number of a billion digits (minutes of CPU, gigabytes)
        String huge = text(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED).replace("\"quantity\": 10.0", "\"quantity\": 1e999999999");
        String tiny = text(Example.RECEIVING_INVENTORY_MOVEMENT_CREATED).replace("\"quantity\": 10.0", "\"quantity\": \"1e-999999999\"");

        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> map(SHIPPING, huge)).isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
                assertThat(e.field()).isEqualTo("[0].quantity");
                assertThat(e.reason()).contains("too large");
            });
            assertThat(single(map(RECEIVING, tiny)).getQuantity()).isEqualTo(new BigDecimal("0.000000"));
        });
    }

    @Test
    void refusesADirectionOtherThanInOrOutNamingTheField() {
        String body = text(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED).replace("\"stock-type\": \"out\"", "\"stock-type\": \"consumption\"");

        assertThatThrownBy(() -> map(SHIPPING, body)).isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
            assertThat(e.field()).isEqualTo("[0].stock-type");
            assertThat(e.reason()).contains("in or out").contains("consumption");
            assertThat(e.transientFailure()).isFalse();
        });
    }

    @Test
    void refusesAMovementWithoutItsProductCodeNamingTheField() {
        String body = text(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED).replace("\"code\": \"product-code\",", "");

        assertThatThrownBy(() -> map(SHIPPING, body)).isInstanceOfSatisfying(InvalidPayloadException.class,
                e -> assertThat(e.field()).isEqualTo("[0].product.code"));
    }

    @Test
    void refusesALevelWithoutItsStockRatherThanReadingZero() {
        JsonNode level = JSON.readTree("{\"product-code\": \"P1\", \"lot\": []}");

        assertThatThrownBy(() -> mapper.map(ChannelType.STOCK, level, new ItemContext("feed:stock", "r", 0, TRIGGERED_AT)))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("stock"));
    }

    private List<CanonicalEvent> map(WebhookTopic topic, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return mapper.map(new RawWebhook(topic.name(), "uuid-1", TRIGGERED_AT, "corr", bytes), topic,
                payloads.parse(topic, bytes));
    }

    private static StockChanged single(List<CanonicalEvent> events) {
        assertThat(events).hasSize(1);
        return (StockChanged) events.get(0).event();
    }

    private static String text(Example example) {
        return new String(example.body(), StandardCharsets.UTF_8);
    }
}
