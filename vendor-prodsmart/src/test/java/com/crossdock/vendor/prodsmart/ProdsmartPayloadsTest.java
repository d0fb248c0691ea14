package com.crossdock.vendor.prodsmart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movements;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.ProductionOrder;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks the edge and the mapper share: what fits a topic, and which field is at fault when not. */
class ProdsmartPayloadsTest {

    private static final WebhookTopic ORDER = WebhookTopic.of("productionOrder/create");
    private static final WebhookTopic SHIPPING = WebhookTopic.of("shipping_inventory_movement_created");

    private final ProdsmartPayloads lisbon = new ProdsmartPayloads(ZoneId.of("Europe/Lisbon"));

    @ParameterizedTest
    @EnumSource(Example.class)
    void acceptsEveryExampleOfTheDocument(Example example) {
        assertThat(lisbon.parse(WebhookTopic.of(example.topic()), example.body())).isNotNull();
    }

    @Test
    void readsADateWithoutZoneInTheCompanysZone() {
        String body = "{\"id\": 9, \"start-date\": \"2023-07-20T09:15:15\", \"due-date\": \"2023-01-20T09:15:15\"}";

        ProductionOrder inLisbon = (ProductionOrder) lisbon.parse(ORDER, bytes(body));
        ProductionOrder inNewYork = (ProductionOrder) new ProdsmartPayloads(ZoneId.of("America/New_York")).parse(ORDER, bytes(body));

        // Lisbon is UTC+1 in July (summer time) and UTC in January
        assertThat(inLisbon.startDate()).isEqualTo(Instant.parse("2023-07-20T08:15:15Z"));
        assertThat(inLisbon.dueDate()).isEqualTo(Instant.parse("2023-01-20T09:15:15Z"));
        assertThat(inNewYork.startDate()).isEqualTo(Instant.parse("2023-07-20T13:15:15Z"));
    }

    @Test
    void takesAnEmptyDateAsNone() {
        ProductionOrder order = (ProductionOrder) lisbon.parse(ORDER, bytes("{\"id\": 9, \"start-date\": \"\"}"));

        assertThat(order.startDate()).isNull();
        assertThat(order.lines()).isEmpty();
    }

    @Test
    void takesEmptyTextAsUnsetSoThatAnEmptiedRunningStatusMarksADeletion() {
        ProductionOrder order = (ProductionOrder) lisbon.parse(ORDER,
                bytes("{\"id\": 9, \"code\": \"\", \"running-status\": \"\", \"status\": \"onschedule\"}"));

        assertThat(order.code()).isNull();
        assertThat(order.runningStatus()).isNull();
        assertThat(order.status()).isEqualTo("onschedule");
    }

    @Test
    void readsTheOrdersLocationAndActiveFlagWhereTheBodyHasThem() {
        ProductionOrder webhookExample = (ProductionOrder) lisbon.parse(ORDER, Example.PRODUCTION_ORDER_CREATE.body());
        ProductionOrder answered = lisbon.productionOrder(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDER));
        ProductionOrder listed = lisbon.productionOrder(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDERS_LIST).get(0));

        assertThat(webhookExample.site()).isNull();
        assertThat(webhookExample.active()).isNull();
        assertThat(answered.site()).isEqualTo("location code");
        assertThat(answered.active()).isTrue();
        assertThat(listed.active()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"products\": []}|id",
            "{\"id\": 1, \"products\": [{\"product\": \"A\", \"quantity-ordered\": \"lots\"}]}|products[0].quantity-ordered",
            "{\"id\": 1, \"products\": [{\"product\": \"A\"}]}|products[0].quantity-ordered",
            "{\"id\": 1, \"products\": [{\"quantity-ordered\": 1}]}|products[0].product",
            "{\"id\": 1, \"products\": {\"product\": \"A\"}}|products",
            "{\"id\": 1, \"start-date\": \"yesterday\"}|start-date",
            "{\"id\": 1, \"ended\": \"no\"}|ended",
            "{\"id\": 1, \"is-active\": \"yes\"}|is-active",
            "{\"id\": 1, \"active\": 1}|active",
            "{\"id\": 1.5}|id",
            "[{\"id\": 1}]|body"})
    void namesTheFieldOfAProductionOrderThatDoesNotFit(String body, String field) {
        assertThatThrownBy(() -> lisbon.parse(ORDER, bytes(body)))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.malformed()).isFalse();
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\": 1}|body",
            "[{\"quantity\": 1, \"stock-type\": \"in\"}]|[0].product",
            "[{\"product\": {\"code\": \"A\"}, \"stock-type\": \"in\"}]|[0].quantity",
            "[{\"product\": {\"code\": \"A\"}, \"quantity\": 1, \"stock-type\": \"sideways\"}]|[0].stock-type",
            "[{\"product\": {\"code\": \"A\"}, \"quantity\": 1, \"type\": \"consumption\"}]|[0].type",
            "[{\"product\": {\"code\": \"A\"}, \"quantity\": 1}]|[0].stock-type",
            "[{\"product\": {\"code\": \"\"}, \"quantity\": 1, \"stock-type\": \"in\"}]|[0].product.code",
            "[{\"product\": {\"id\": 222}, \"quantity\": 1, \"stock-type\": \"in\"}]|[0].product.code",
            "[{\"product\": {\"code\": \"A\"}, \"quantity\": \"ten\", \"stock-type\": \"in\"}]|[0].quantity",
            "[{\"product\": {\"code\": \"A\"}, \"quantity\": 1, \"stock-type\": \"in\", \"date\": \"lot-expiration-date\"}]|[0].date",
            "[{\"product\": {\"code\": \"A\"}, \"quantity\": 1e15, \"stock-type\": \"in\"}]|[0].quantity"})
    void namesTheFieldOfAMovementThatDoesNotFit(String body, String field) {
        assertThatThrownBy(() -> lisbon.parse(SHIPPING, bytes(body)))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void namesWhereMalformedJsonBreaks() {
        String body = "{\"id\": 1, \"products\": [{\"product\": \"A\", \"quantity-ordered\": 35x}]}";

        assertThatThrownBy(() -> lisbon.parse(ORDER, bytes(body)))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
                    assertThat(e.malformed()).isTrue();
                    assertThat(e.field()).isEqualTo("products[0].quantity-ordered");
                });
    }

    @Test
    void refusesMalformedJsonEvenForTopicsKeptRaw() {
        assertThatThrownBy(() -> lisbon.parse(WebhookTopic.of("lot_created"), bytes("{oops")))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.malformed()).isTrue());
        assertThatThrownBy(() -> lisbon.parse(WebhookTopic.of("anything/else"), bytes("")))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void keysByTheEntityIdWhereTheBodyHasOne() {
        assertThat(lisbon.parse(ORDER, Example.PRODUCTION_ORDER_CREATE.body()).entityId()).contains("1");
        assertThat(lisbon.parse(WebhookTopic.of("punchClock_created"), Example.PUNCH_CLOCK_CREATED.body()).entityId())
                .contains("932015");
        assertThat(lisbon.parse(SHIPPING, Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.body()).entityId()).isEmpty();
    }

    @Test
    void readsAMovementIdWhenProdsmartSendsOne() {
        String body = "[{\"id\": 42, \"product\": {\"code\": \"A\"}, \"quantity\": -2, \"stock-type\": \"out\"}]";

        Movements movements = (Movements) lisbon.parse(SHIPPING, bytes(body));

        assertThat(movements.movements()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("42");
            assertThat(m.quantity()).isEqualByComparingTo("-2");
            assertThat(m.bin()).isNull();
            assertThat(m.date()).isNull();
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
