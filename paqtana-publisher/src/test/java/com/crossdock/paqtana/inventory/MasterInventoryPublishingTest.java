package com.crossdock.paqtana.inventory;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.MovementAction;
import com.crossdock.events.StockChanged;
import com.crossdock.paqtana.DeadLetters;
import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.crossdock.paqtana.TestEvents.NOW;
import static com.crossdock.paqtana.TestEvents.article;
import static com.crossdock.paqtana.TestEvents.level;
import static com.crossdock.paqtana.TestEvents.levelAt;
import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.movement;
import static com.crossdock.paqtana.TestEvents.movementAt;
import static com.crossdock.paqtana.TestEvents.order;
import static com.crossdock.paqtana.TestEvents.productionOrder;
import static com.crossdock.paqtana.TestEvents.productionOrderAt;
import static com.crossdock.paqtana.TestEvents.toProduce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MasterInventoryPublishingTest extends PaqtanaIntegrationTest {

    @Autowired
    private RawRecordSender raw;

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
        String topic = InventoryConfiguration.pushDeadLetterTopic();
        MasterInventoryDeadLetters deadLetters = new MasterInventoryDeadLetters(raw, topic,
                InventoryConfiguration.SERVICE, Clock.systemUTC());

        deadLetters.tooLarge(new PayloadTooLargeException("master_inventory", 40_000_000, 32_000_000), 123_456)
                .block(WAIT);

        ConsumerRecord<byte[], byte[]> deadLetter = eventually().until(() -> TopicReader.shared().all(topic).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"rows\":123456")).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8))
                .contains("\"rows\":123456", "\"bytes\":40000000", "\"limitBytes\":32000000");
        assertThat(DeadLetters.header(deadLetter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("paqtana-publisher");
        assertThat(DeadLetters.header(deadLetter, "crossdock.paqtana.payload-bytes")).isEqualTo("40000000");
    }

    @Test
    void masterInventoryPaqtanaRefusesIsDeadLetteredWithItsOperationInfoAndNotRetried() {
        String code = unique("REFUSED");
        stock(level(code, "wh1", "1"));
        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.masterInventoryRow("wh1", code)).isPresent());
        awaitPaqtanaQuiet();
        Instant start = Instant.now();
        String validationError = "data[0]: unknown workspaceCode '" + code + "'";
        PaqtanaSandbox.refuse(Map.of("operation_type", "master_inventory",
                "operation_info", Map.of("validation_error", validationError, "file_type", "master_inventory")));

        runs.runNow();

        ConsumerRecord<byte[], byte[]> deadLetter = eventually().until(() -> TopicReader.shared()
                .all(InventoryConfiguration.pushDeadLetterTopic()).stream()
                .filter(r -> String.valueOf(DeadLetters.header(r, MasterInventoryDeadLetters.OPERATION_INFO))
                        .contains(code))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("master_inventory");
        assertThat(DeadLetters.header(deadLetter, VendorCallException.HEADER_STATUS)).isEqualTo("400");
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8))
                .contains("\"status\":400", "\"operation_info\":{", validationError);
        // no retry loop: the refused PUT is the only one until the next change or run
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(
                PaqtanaSandbox.received("master_inventory", start)).singleElement()
                .satisfies(r -> assertThat(r.get("status").intValue()).isEqualTo(400)));
        assertThat(PaqtanaSandbox.received("historical_demand", start)).as("the run's demand follows only a PUT "
                + "that went through").isEmpty();
    }

    @Test
    void aMovementOlderThanTheLevelIsNotAddedOnTopOfIt() {
        String code = unique("LATE");
        stock(levelAt(code, "wh1", "10", NOW));
        // a spooled webhook's movement that happened before the level: the level holds it already
        stock(movementAt(UUID.randomUUID(), MovementAction.CREATED, code, "wh1", "5", NOW.minusSeconds(600)));
        // an older level (the poller racing the webhooks) does not replace the newer one
        stock(levelAt(code, "wh1", "3", NOW.minusSeconds(60)));
        // a movement after the level counts
        stock(movementAt(UUID.randomUUID(), MovementAction.CREATED, code, "wh1", "2", NOW.plusSeconds(60)));
        String productionOrder = unique("PO");
        publish(Topics.PRODUCTION_ORDER_CHANGED, productionOrder, productionOrderAt(NOW, productionOrder, "wh1",
                ChangeAction.UPDATED, false, true, toProduce(code, "50", "40")));
        publish(Topics.PRODUCTION_ORDER_CHANGED, productionOrder, productionOrderAt(NOW.minusSeconds(60),
                productionOrder, "wh1", ChangeAction.CREATED, false, true, toProduce(code, "50", "0")));
        String marker = unique("MARK");
        stock(level(marker, "wh1", "1")); // applied after all of the above: once it is at Paqtana, they are too

        eventually().untilAsserted(() -> {
            assertThat(PaqtanaSandbox.masterInventoryRow("wh1", marker)).isPresent();
            JsonNode row = PaqtanaSandbox.masterInventoryRow("wh1", code).orElseThrow();
            assertThat(row.get("onHandStock").decimalValue()).isEqualByComparingTo("12");
            assertThat(row.get("transitStock").decimalValue()).isEqualByComparingTo("10");
        });
    }

    @Test
    void articlesOrderQuantitiesReachPaqtana() {
        String code = unique("MOQ");
        ArticleUpserted article = article(code, "Spring");
        article.setMinimumOrderQuantity(new BigDecimal("250"));
        article.setMultipleOrderQuantity(new BigDecimal("12.5"));
        publish(Topics.ARTICLE_UPSERTED, code, article);
        stock(level(code, "wh1", "4"));

        eventually().untilAsserted(() -> {
            JsonNode row = PaqtanaSandbox.masterInventoryRow("wh1", code).orElseThrow();
            assertThat(row.get("minimumOrderQuantity").decimalValue()).isEqualByComparingTo("250");
            assertThat(row.get("multipleOrderQuantity").decimalValue()).isEqualByComparingTo("12.5");
        });
    }

    private void stock(StockChanged event) {
        publish(Topics.STOCK_CHANGED, Topics.stockKey(event.getProductCode(), event.getLocation()), event);
    }
}
