package com.crossdock.paqtana.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.vendor.baselinker.BaseLinkerOrderMapper;
import com.crossdock.vendor.baselinker.BaseLinkerOrders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BaseLinker's orders, as order-bridge imports them (its vendor library's reader and mapping of a {@code getOrders}
 * answer), are the demand at Paqtana: daily totals per item at the default location, an order read twice counted
 * once, an order changed at BaseLinker replacing its earlier quantities.
 */
class BaseLinkerDemandTest extends PaqtanaIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 2026-03-02T09:00:00Z, as BaseLinker writes dates: unix seconds. */
    private static final long ADDED = Instant.parse("2026-03-02T09:00:00Z").getEpochSecond();

    private final BaseLinkerOrderMapper mapper = new BaseLinkerOrderMapper(new Envelopes(Clock.systemUTC()), "demo");

    @Test
    void baseLinkerSalesAreDailyTotalsPerItemCountedOnceAndReplacedWhenChanged() {
        String sku = unique("BL");
        long first = System.nanoTime() % 1_000_000_000L;
        long second = first + 1;

        publishAll(answer(order(first, sku, 2), order(second, sku, 3)));
        publishAll(answer(order(first, sku, 2)));   // the same order read again
        runUntil(() -> assertThat(PaqtanaSandbox.demand("main", "main", sku).orElseThrow().get("2026-03-02")
                .decimalValue()).isEqualByComparingTo("5"));

        publishAll(answer(order(second, sku, 1)));  // changed at BaseLinker: 1 instead of 3
        runUntil(() -> assertThat(PaqtanaSandbox.demand("main", "main", sku).orElseThrow().get("2026-03-02")
                .decimalValue()).isEqualByComparingTo("3"));
    }

    private void publishAll(JsonNode answer) {
        List<JsonNode> orders = BaseLinkerOrders.orderNodes(answer);
        for (int i = 0; i < orders.size(); i++) {
            CanonicalEvent event = mapper.map(BaseLinkerOrders.read(orders.get(i), "orders[" + i + "]"));
            publish(event.topic(), event.key(), event.event());
        }
    }

    private static JsonNode answer(String... orders) {
        return JSON.readTree("{\"status\":\"SUCCESS\",\"orders\":[" + String.join(",", orders) + "]}");
    }

    /** An order as getOrders answers it (VENDORS.md "BaseLinker"). */
    private static String order(long id, String sku, int quantity) {
        return "{\"order_id\":" + id + ",\"order_status_id\":2,\"date_add\":" + ADDED + ",\"date_confirmed\":"
                + (ADDED + 60) + ",\"currency\":\"PLN\",\"payment_method\":\"PayU\",\"delivery_method\":\"InPost\","
                + "\"delivery_price\":12.99,\"user_login\":\"jan.k\",\"email\":\"jan@example.pl\","
                + "\"extra_field_1\":\"\",\"extra_field_2\":\"\",\"user_comments\":\"\",\"products\":[{\"name\":\"Stol\","
                + "\"sku\":\"" + sku + "\",\"ean\":\"5901234123457\",\"quantity\":" + quantity
                + ",\"price_brutto\":1299.00,\"tax_rate\":23}]}";
    }
}
