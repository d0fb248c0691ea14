package com.crossdock.paqtana.demand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crossdock.events.OrderPlaced;
import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;

class HistoricalDemandPublishingTest extends PaqtanaIntegrationTest {

    private static final Instant PLACED = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-02-05T12:00:00Z");

    @Test
    void ordersBecomeDailyTotalsPerItemAtPaqtana() {
        String sku = unique("SKU");
        String first = unique("SO");
        String second = unique("SO");
        publish(Topics.ORDER_PLACED, first, order(first, "new", false, PLACED,
                line(sku, "2", "wh1", null), line(sku, "4", "wh1", DUE)));
        publish(Topics.ORDER_PLACED, second, order(second, "FULFILLED", false, PLACED, line(sku, "3", "wh1", null)));

        runUntil(() -> {
            JsonNode perDay = PaqtanaSandbox.demand("main", "wh1", sku).orElseThrow();
            assertThat(perDay.get("2026-02-01").decimalValue()).isEqualByComparingTo("5");
            assertThat(perDay.get("2026-02-05").decimalValue()).isEqualByComparingTo("4");
        });
    }

    @Test
    void laterVersionOfAnOrderReplacesItsDemandAndCancellingRemovesIt() {
        String sku = unique("SKU");
        String orderId = unique("SO");
        publish(Topics.ORDER_PLACED, orderId, order(orderId, "new", false, PLACED, line(sku, "5", "wh2", null)));
        runUntil(() -> assertThat(day(PaqtanaSandbox.demand("secondary", "wh2", sku).orElseThrow()))
                .isEqualByComparingTo("5"));

        publish(Topics.ORDER_PLACED, orderId, order(orderId, "new", false, PLACED, line(sku, "3", "wh2", null)));
        runUntil(() -> assertThat(day(PaqtanaSandbox.demand("secondary", "wh2", sku).orElseThrow()))
                .isEqualByComparingTo("3"));

        publish(Topics.ORDER_PLACED, orderId, order(orderId, "cancelled", true, PLACED, line(sku, "3", "wh2", null)));
        runUntil(() -> assertThat(day(PaqtanaSandbox.demand("secondary", "wh2", sku).orElseThrow()))
                .isEqualByComparingTo("0"));
    }

    @Test
    void sameOrderPublishedTwiceLeavesTheSameTotals() {
        String sku = unique("SKU");
        String orderId = unique("SO");
        OrderPlaced order = order(orderId, "FULFILLED", false, PLACED, line(sku, "7", "wh1", null));
        publish(Topics.ORDER_PLACED, orderId, order);
        runUntil(() -> assertThat(day(PaqtanaSandbox.demand("main", "wh1", sku).orElseThrow())).isEqualByComparingTo("7"));
        Instant again = Instant.now();

        publish(Topics.ORDER_PLACED, orderId, order);

        // the duplicate's days go again with the next run, as totals: Paqtana's value stays
        runUntil(() -> assertThat(PaqtanaSandbox.received("historical_demand", again)
                .stream().filter(r -> r.get("status").intValue() == 200).count()).isGreaterThanOrEqualTo(1));
        assertThat(day(PaqtanaSandbox.demand("main", "wh1", sku).orElseThrow())).isEqualByComparingTo("7");
    }

    @Test
    void demandGoesOnlyWithARunRightAfterItsMasterInventoryAndAsksOnceToCalculate() {
        String sku = unique("SKU");
        String orderId = unique("SO");
        awaitPaqtanaQuiet();
        Instant start = Instant.now();
        publish(Topics.ORDER_PLACED, orderId, order(orderId, "new", false, PLACED, line(sku, "2", "wh1", null)));
        // the order changes the master inventory (open demand): a PUT goes out, but no demand
        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.masterInventoryRow("wh1", sku)).isPresent());
        assertThat(PaqtanaSandbox.demand("main", "wh1", sku)).isEmpty();

        runUntil(() -> assertThat(PaqtanaSandbox.demand("main", "wh1", sku)).isPresent());

        List<JsonNode> requests = PaqtanaSandbox.received("/v2/", start);
        List<JsonNode> demand = requests.stream().filter(r -> r.get("path").stringValue().contains("historical_demand"))
                .toList();
        assertThat(demand).isNotEmpty().allSatisfy(r -> assertThat(r.get("query").stringValue())
                .isEqualTo("auto_calculate=True")); // each run here fits one request: its last
        int firstDemand = requests.indexOf(demand.get(0));
        assertThat(requests.get(firstDemand - 1).get("path").stringValue()).as("the run's PUT just before")
                .contains("master_inventory");
    }

    @Test
    void sameDayAndItemOfOrdersNamingOtherWorkspacesIsOneTotal() {
        String sku = unique("SKU");
        String first = unique("SO");
        String second = unique("SO");
        publish(Topics.ORDER_PLACED, first, order(first, "FULFILLED", false, PLACED, line(sku, "2", "wh2", null)));
        publish(Topics.ORDER_PLACED, second, OrderPlaced.newBuilder(order(second, "FULFILLED", false, PLACED,
                line(sku, "3", "wh2", null))).setWorkspaceCode("main").build());

        runUntil(() -> assertThat(day(PaqtanaSandbox.demand("secondary", "wh2", sku).orElseThrow()))
                .isEqualByComparingTo("5"));
    }

    private static BigDecimal day(JsonNode perDay) {
        return perDay.get("2026-02-01").decimalValue();
    }
}
