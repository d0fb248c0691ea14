package com.crossdock.vendor.baselinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** BaseLinker's getOrders answer (VENDORS.md "BaseLinker": its fields) to OrderPlaced. */
class BaseLinkerOrderMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** An answer with the document's fields; ids and amounts as numbers, one amount as a numeric string. */
    private static final String ANSWER = """
            {"status":"SUCCESS","orders":[{"order_id":1630473,"order_status_id":6624,"date_add":1407841161,
             "date_confirmed":1407841256,"currency":"PLN","payment_method":"PayPal","delivery_method":"Kurier",
             "delivery_price":"10.00","user_login":"nick123","email":"test@test.com","delivery_fullname":"Jan Kowalski",
             "extra_field_1":"","extra_field_2":"faktura","user_comments":"Proszę o szybką wysyłkę",
             "products":[{"name":"Harry Potter","sku":"LU4235","ean":"1597368451236","product_id":"5434",
             "quantity":2,"price_brutto":20.00,"tax_rate":23}]}]}""";

    private final BaseLinkerOrderMapper mapper = new BaseLinkerOrderMapper(new Envelopes(Clock.systemUTC()), "shop");

    @Test
    void anOrderIsASaleFromBaseLinkerKeyedByItsIdWithEveryFieldTheExportNeeds() {
        CanonicalEvent event = mapper.map(read(ANSWER));

        assertThat(event.topic()).isEqualTo(Topics.ORDER_PLACED);
        assertThat(event.key()).isEqualTo("1630473");
        OrderPlaced order = (OrderPlaced) event.event();
        assertThat(order.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.BASELINKER);
        assertThat(order.getEnvelope().getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1407841256));
        assertThat(order.getPlacedAt()).isEqualTo(Instant.ofEpochSecond(1407841161));
        assertThat(order.getKind()).isEqualTo(OrderKind.SALE);
        assertThat(order.getPricesIncludeTax()).isTrue();
        assertThat(order.getCurrency()).isEqualTo("PLN");
        assertThat(order.getDeliveryMethod()).isEqualTo("Kurier");
        assertThat(order.getDeliveryPrice()).isEqualByComparingTo("10");
        assertThat(order.getPaymentMethod()).isEqualTo("PayPal");
        assertThat(order.getExtraField1()).isNull();
        assertThat(order.getExtraField2()).isEqualTo("faktura");
        assertThat(order.getCustomerLogin()).isEqualTo("nick123");
        assertThat(order.getComments()).isEqualTo("Proszę o szybką wysyłkę");
        OrderLine line = order.getLines().get(0);
        assertThat(List.of(line.getSku(), line.getEan(), line.getName())).containsExactly("LU4235", "1597368451236", "Harry Potter");
        assertThat(line.getQuantity()).isEqualByComparingTo("2");
        assertThat(line.getUnitPrice()).isEqualByComparingTo("20");
        assertThat(line.getTaxRate()).isEqualByComparingTo("23");
    }

    @Test
    void theSameOrderReadTwiceIsOneEventIdAndAChangedOneAnother() {
        OrderPlaced first = (OrderPlaced) mapper.map(read(ANSWER)).event();
        OrderPlaced again = (OrderPlaced) mapper.map(read(ANSWER)).event();
        OrderPlaced changed = (OrderPlaced) mapper.map(read(ANSWER.replace("\"quantity\":2", "\"quantity\":3"))).event();

        assertThat(again.getEnvelope().getEventId()).isEqualTo(first.getEnvelope().getEventId());
        assertThat(changed.getEnvelope().getEventId()).isNotEqualTo(first.getEnvelope().getEventId());
    }

    @Test
    void aFieldThatDoesNotFitIsNamed() {
        assertThatThrownBy(() -> read(ANSWER.replace("\"quantity\":2,", "")))
                .isInstanceOf(InvalidOrderException.class).hasMessage("orders[0].products[0].quantity: is required");
        assertThatThrownBy(() -> read(ANSWER.replace("\"price_brutto\":20.00", "\"price_brutto\":\"twenty\"")))
                .hasMessageStartingWith("orders[0].products[0].price_brutto: is not a number");
        assertThatThrownBy(() -> BaseLinkerOrders.orderNodes(JSON.readTree("{\"status\":\"SUCCESS\"}")))
                .hasMessage("orders: is not an array");
    }

    private static BaseLinkerOrder read(String answer) {
        JsonNode order = BaseLinkerOrders.orderNodes(JSON.readTree(answer)).get(0);
        return BaseLinkerOrders.read(order, "orders[0]");
    }
}
