package com.crossdock.paqtana.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.MovementAction;
import com.crossdock.events.StockChanged;
import com.crossdock.paqtana.DeadLetters;
import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    private RawRecordSender raw;
    @Autowired
    private ConsumerGroup paqtanaPublisherGroup;

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

    @Test
    void masterInventoryTooLargeIsDeadLetteredWithItsSizes() {
        String topic = InventoryConfiguration.masterInventoryDeadLetters(paqtanaPublisherGroup);
        MasterInventoryDeadLetters deadLetters = new MasterInventoryDeadLetters(raw, topic, paqtanaPublisherGroup.id(),
                Clock.systemUTC());

        deadLetters.tooLarge(new PayloadTooLargeException("master_inventory", 40_000_000, 33_554_432), 123_456)
                .block(WAIT);

        ConsumerRecord<byte[], byte[]> deadLetter = eventually()
                .until(() -> DeadLetters.find(topic, "master_inventory"),
                        Optional::isPresent).orElseThrow();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8))
                .contains("\"rows\":123456", "\"bytes\":40000000", "\"limitBytes\":33554432");
        assertThat(DeadLetters.header(deadLetter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("paqtana-publisher");
        assertThat(DeadLetters.header(deadLetter, "crossdock.paqtana.payload-bytes")).isEqualTo("40000000");
    }

    private void stock(StockChanged event) {
        publish(Topics.STOCK_CHANGED, Topics.stockKey(event.getProductCode(), event.getLocation()), event);
    }
}
