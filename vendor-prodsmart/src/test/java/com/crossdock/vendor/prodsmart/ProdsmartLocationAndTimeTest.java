package com.crossdock.vendor.prodsmart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.sandbox.prodsmart.ProdsmartFeedExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, points 1 and 2 on the mapping side: every Prodsmart mapping puts stock and production orders at the
 * company's one stock-keeping location (bins, warehouses and sites are details), and stamps each fact with
 * Prodsmart's own time of it. All from the document's example payloads.
 */
class ProdsmartLocationAndTimeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final String PLANT = "PLANT-1";
    private static final Instant TRIGGERED_AT = Instant.parse("2023-08-29T20:39:46.142Z");
    private static final Instant FEED_READ_AT = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant RECONCILED_AT = Instant.parse("2024-03-01T11:30:00Z");
    private static final Instant PUBLISHED_AT = Instant.parse("2024-03-02T00:00:00Z");

    private final ProdsmartPayloads payloads = new ProdsmartPayloads(LISBON);
    private final ProdsmartEventMapper mapper = new ProdsmartEventMapper(
            new Envelopes(Clock.fixed(PUBLISHED_AT, ZoneOffset.UTC)), new ProdsmartProperties("acme", LISBON, PLANT));
    private final ItemContext feed = new ItemContext("feed:stock", "read-1", 0, FEED_READ_AT);
    private final ItemContext reconciliation = new ItemContext("reconcile", "run-1:stock:1", 0, RECONCILED_AT);

    @Test
    void webhookMovementsFeedLevelsReconciliationLevelsAndOrdersShareTheCompanysOneLocation() {
        List<CanonicalEvent> events = new ArrayList<>();
        for (Example movement : List.of(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED,
                Example.RECEIVING_INVENTORY_MOVEMENT_UPDATED, Example.INTERNAL_INVENTORY_MOVEMENT_CREATED)) {
            events.addAll(webhook(movement.topic(), movement.body()));
        }
        events.addAll(webhook(Example.SHIPPING_INVENTORY_MOVEMENT_DELETED.topic(),
                Example.SHIPPING_INVENTORY_MOVEMENT_DELETED.body()));
        events.addAll(mapper.map(ChannelType.STOCK, feedExample(ProdsmartFeedExamples.STOCK_JSON), feed));
        events.addAll(mapper.map(ChannelType.STOCK, DocumentExamples.tree(DocumentExamples.STOCK), reconciliation));
        events.addAll(webhook(Example.PRODUCTION_ORDER_CREATE.topic(), Example.PRODUCTION_ORDER_CREATE.body()));
        events.addAll(mapper.map(ChannelType.PRODUCTION_ORDER,
                feedExample(ProdsmartFeedExamples.PRODUCTION_ORDERS_JSON), feed));
        events.addAll(mapper.map(ChannelType.PRODUCTION_ORDER,
                DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDERS_LIST).get(0), reconciliation));

        List<StockChanged> stock = events.stream().filter(e -> e.event() instanceof StockChanged)
                .map(e -> (StockChanged) e.event()).toList();
        List<ProductionOrderChanged> orders = events.stream().filter(e -> e.event() instanceof ProductionOrderChanged)
                .map(e -> (ProductionOrderChanged) e.event()).toList();
        assertThat(stock).hasSize(4 + 2 + 3);
        assertThat(stock).allSatisfy(event -> assertThat(event.getLocation()).isEqualTo(PLANT));
        assertThat(orders).hasSize(3).allSatisfy(order -> assertThat(order.getLocation()).isEqualTo(PLANT));
        // one key per product whatever read it: the movements stay in order with the levels of their product
        assertThat(events).filteredOn(e -> e.topic().equals(Topics.STOCK_CHANGED)
                        && !((StockChanged) e.event()).getProductCode().isEmpty())
                .allSatisfy(e -> assertThat(e.key())
                        .isEqualTo(Topics.stockKey(((StockChanged) e.event()).getProductCode(), PLANT)));
    }

    @Test
    void aMovementsBinAndWarehouseAreDetailsOfTheLocation() {
        StockChanged movement = (StockChanged) webhook(Example.RECEIVING_INVENTORY_MOVEMENT_CREATED.topic(),
                Example.RECEIVING_INVENTORY_MOVEMENT_CREATED.body()).get(0).event();

        assertThat(movement.getLocation()).isEqualTo(PLANT);
        assertThat(movement.getBin()).isEqualTo("warehouse-location-code");
        assertThat(movement.getWarehouse()).isEqualTo("warehouse-code");
    }

    @Test
    void anOrdersProdsmartLocationIsItsSiteWhetherAnObjectOrACode() {
        ProductionOrderChanged answered = order(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDER));
        ProductionOrderChanged requested = order(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDER_PUT_REQUEST));
        ProductionOrderChanged webhookExample = (ProductionOrderChanged) webhook(Example.PRODUCTION_ORDER_CREATE.topic(),
                Example.PRODUCTION_ORDER_CREATE.body()).get(0).event();

        assertThat(answered.getSite()).isEqualTo("location code");
        assertThat(requested.getSite()).isEqualTo("location code");
        assertThat(webhookExample.getSite()).isNull();
        assertThat(List.of(answered, requested, webhookExample))
                .allSatisfy(order -> assertThat(order.getLocation()).isEqualTo(PLANT));
    }

    @Test
    void theDefaultLocationIsTheConsumersDefault() {
        ProdsmartEventMapper atDefault = new ProdsmartEventMapper(new Envelopes(Clock.systemUTC()),
                new ProdsmartProperties("acme", LISBON));

        List<CanonicalEvent> levels = atDefault.map(ChannelType.STOCK, feedExample(ProdsmartFeedExamples.STOCK_JSON), feed);
        WebhookTopic topic = WebhookTopic.of(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.topic());
        byte[] body = Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.body();
        CanonicalEvent movement = atDefault.map(new RawWebhook(topic.name(), "u", TRIGGERED_AT, "c", body), topic,
                payloads.parse(topic, body)).get(0);

        assertThat(levels).extracting(CanonicalEvent::key).containsOnly("P1|");
        assertThat(movement.key()).isEqualTo("product-code|");
        assertThat(((StockChanged) movement.event()).getLocation()).isEmpty();
    }

    @Test
    void aWebhookFactHappenedWhenProdsmartTriggeredItAndAMovementOnItsOwnDate() {
        List<CanonicalEvent> events = webhook(Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.topic(),
                Example.SHIPPING_INVENTORY_MOVEMENT_CREATED.body());
        ProductionOrderChanged order = (ProductionOrderChanged) webhook(Example.PRODUCTION_ORDER_UPDATE.topic(),
                Example.PRODUCTION_ORDER_UPDATE.body()).get(0).event();
        StockChanged movement = (StockChanged) events.get(0).event();

        assertThat(movement.getEnvelope().getOccurredAt()).isEqualTo(TRIGGERED_AT);
        assertThat(movement.getMovement().getDate()).isEqualTo(Instant.parse("2022-02-21T00:00:00Z"));
        assertThat(order.getEnvelope().getOccurredAt()).isEqualTo(TRIGGERED_AT);
        assertThat(order.getEnvelope().getPublishedAt()).isEqualTo(PUBLISHED_AT);
    }

    @Test
    void aMovementsDateTimeWithoutZoneIsInTheCompanysZoneAndAMovementWithoutDateHasNone() {
        // the inventory-movement resource writes its time as date-time ("Ruch magazynowy")
        String withDateTime = "[" + DocumentExamples.text(DocumentExamples.INVENTORY_MOVEMENT_REQUEST)
                .replace("2018-07-20T09:15:15Z", "2018-07-20T09:15:15").trim() + "]";
        String withoutDate = "[{\"product\": {\"code\": \"P1\"}, \"quantity\": 2, \"stock-type\": \"in\"}]";

        StockChanged dated = (StockChanged) webhook("internal_inventory_movement_created", bytes(withDateTime)).get(0).event();
        StockChanged undated = (StockChanged) webhook("internal_inventory_movement_created", bytes(withoutDate)).get(0).event();

        // Lisbon is UTC+1 in July
        assertThat(dated.getMovement().getDate()).isEqualTo(Instant.parse("2018-07-20T08:15:15Z"));
        assertThat(undated.getMovement().getDate()).isNull();
        assertThat(undated.getEnvelope().getOccurredAt()).isEqualTo(TRIGGERED_AT);
    }

    @Test
    void aFeedOrReconciliationLevelIsAsOfTheTimeItWasRead() {
        // the feed answers the items' current state and gives no change time of their own ("Kanały źródła danych zmian")
        StockChanged fromFeed = (StockChanged) mapper.map(ChannelType.STOCK,
                feedExample(ProdsmartFeedExamples.STOCK_JSON), feed).get(0).event();
        StockChanged reconciled = (StockChanged) mapper.map(ChannelType.STOCK,
                DocumentExamples.tree(DocumentExamples.STOCK), reconciliation).get(0).event();
        ProductionOrderChanged order = (ProductionOrderChanged) mapper.map(ChannelType.PRODUCTION_ORDER,
                feedExample(ProdsmartFeedExamples.PRODUCTION_ORDERS_JSON), feed).get(0).event();

        assertThat(fromFeed.getEnvelope().getOccurredAt()).isEqualTo(FEED_READ_AT);
        assertThat(reconciled.getEnvelope().getOccurredAt()).isEqualTo(RECONCILED_AT);
        assertThat(reconciled.getQuantity()).isEqualByComparingTo("35");
        assertThat(order.getEnvelope().getOccurredAt()).isEqualTo(FEED_READ_AT);
        assertThat(fromFeed.getMovement()).isNull();
    }

    private List<CanonicalEvent> webhook(String topicHeader, byte[] body) {
        WebhookTopic topic = WebhookTopic.of(topicHeader);
        return mapper.map(new RawWebhook(topicHeader, "91cb972d-b476-4936-947c-4be471b9da5b", TRIGGERED_AT, "corr", body),
                topic, payloads.parse(topic, body));
    }

    private ProductionOrderChanged order(JsonNode item) {
        return (ProductionOrderChanged) mapper.map(ChannelType.PRODUCTION_ORDER, item, feed).get(0).event();
    }

    private static JsonNode feedExample(String resource) {
        return JSON.readTree(ProdsmartExamples.load(resource)).get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
