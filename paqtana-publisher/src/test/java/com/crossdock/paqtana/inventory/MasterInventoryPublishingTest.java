package com.crossdock.paqtana.inventory;

import java.util.UUID;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.MovementAction;
import com.crossdock.events.StockChanged;
import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.crossdock.paqtana.TestEvents.NOW;
import static com.crossdock.paqtana.TestEvents.article;
import static com.crossdock.paqtana.TestEvents.level;
import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.movement;
import static com.crossdock.paqtana.TestEvents.order;
import static com.crossdock.paqtana.TestEvents.productionOrder;
import static com.crossdock.paqtana.TestEvents.toProduce;
import static org.assertj.core.api.Assertions.assertThat;

class MasterInventoryPublishingTest extends PaqtanaIntegrationTest {

    @Test
    void canonicalEventsBecomeMasterInventoryRowsAtPaqtana() {
        String bolt = unique("BOLT");
        String nut = unique("NUT");
        publish(Topics.ARTICLE_UPSERTED, bolt, article(bolt, "Bolt M8"));
        publish(Topics.ARTICLE_UPSERTED, nut, article(nut, "Nut M8"));
        stock(level(bolt, "wh1", "10"));
        StockChanged received = movement(UUID.randomUUID(), MovementAction.CREATED, bolt, "wh1", "5");
        stock(received);
        stock(received);
        stock(movement(UUID.randomUUID(), MovementAction.UPDATED, bolt, "wh1", "100"));
        stock(level(bolt, "wh2", "4"));
        String productionOrder = unique("PO");
        publish(Topics.PRODUCTION_ORDER_CHANGED, productionOrder, productionOrder(productionOrder, "wh1",
                ChangeAction.CREATED, false, true, toProduce(bolt, "50", "20")));
        String salesOrder = unique("SO");
        publish(Topics.ORDER_PLACED, salesOrder, order(salesOrder, "new", false, NOW, line(bolt, "3", "wh1", null)));

        eventually().untilAsserted(() -> {
            JsonNode wh1 = PaqtanaSandbox.masterInventoryRow("wh1", bolt).orElseThrow();
            assertThat(wh1.get("onHandStock").decimalValue()).isEqualByComparingTo("15");
            assertThat(wh1.get("transitStock").decimalValue()).isEqualByComparingTo("30");
            assertThat(wh1.get("openDemandOrders").decimalValue()).isEqualByComparingTo("3");
            assertThat(wh1.get("description").stringValue()).isEqualTo("Bolt M8");
            assertThat(wh1.get("supplyLeadTime").intValue()).isEqualTo(7);
            assertThat(wh1.get("additionalColumns").isArray()).isTrue();
            assertThat(wh1.get("workspaceCode").stringValue()).isEqualTo("main");
            JsonNode wh2 = PaqtanaSandbox.masterInventoryRow("wh2", bolt).orElseThrow();
            assertThat(wh2.get("onHandStock").decimalValue()).isEqualByComparingTo("4");
            assertThat(wh2.get("workspaceCode").stringValue()).isEqualTo("secondary");
            assertThat(PaqtanaSandbox.masterInventoryRow("main", nut)).isPresent();
        });
    }

    @Test
    void laterChangesReplaceTheRowsAtPaqtana() {
        String code = unique("GEAR");
        stock(level(code, "wh1", "10"));
        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.masterInventoryRow("wh1", code)).isPresent());

        stock(level(code, "wh1", "2"));

        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.masterInventoryRow("wh1", code).orElseThrow()
                .get("onHandStock").decimalValue()).isEqualByComparingTo("2"));
    }

    private void stock(StockChanged event) {
        publish(Topics.STOCK_CHANGED, Topics.stockKey(event.getProductCode(), event.getLocation()), event);
    }
}
