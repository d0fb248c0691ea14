package com.crossdock.vendor.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples;
import com.crossdock.sandbox.prodsmart.ProdsmartFeedExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Change-feed and list items to canonical events, from the vendor document's own examples. */
class ProdsmartItemMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant READ_AT = Instant.parse("2024-03-01T10:00:00Z");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private final ProdsmartEventMapper mapper = new ProdsmartEventMapper(new Envelopes(Clock.systemUTC()),
            new ProdsmartProperties("acme", LISBON));
    private final ItemContext context = new ItemContext("feed:stock", "batch-1", 0, READ_AT);

    @Test
    void stockExampleBecomesAbsoluteLevelsForTheProductAndEachLot() {
        List<CanonicalEvent> events = mapper.map(ChannelType.STOCK, example(ProdsmartFeedExamples.STOCK_JSON), context);

        assertThat(events).extracting(CanonicalEvent::topic).containsOnly(Topics.STOCK_CHANGED);
        assertThat(events).extracting(CanonicalEvent::key).containsOnly("P1|");
        StockChanged total = (StockChanged) events.get(0).event();
        StockChanged lot = (StockChanged) events.get(1).event();
        assertThat(total.getKind()).isEqualTo(StockChangeKind.LEVEL);
        assertThat(total.getLot()).isNull();
        assertThat(total.getQuantity()).isEqualByComparingTo("2395");
        assertThat(lot.getLot()).isEqualTo("Lot 0086");
        assertThat(lot.getQuantity()).isEqualTo(new BigDecimal("500.000000"));
        assertThat(total.getEnvelope().getTenant().getOrganisation()).isEqualTo("acme");
        assertThat(total.getEnvelope().getEventId()).isNotEqualTo(lot.getEnvelope().getEventId());
    }

    @Test
    void keepsTheEventIdsOfTheReadSoThatARecordSentTwiceIsOneFact() {
        StockChanged total = (StockChanged) mapper.map(ChannelType.STOCK, example(ProdsmartFeedExamples.STOCK_JSON),
                context.item(3)).get(0).event();

        assertThat(total.getEnvelope().getEventId())
                .isEqualTo(Envelopes.eventId("prodsmart-feed:stock:acme:batch-1:3:total"));
        assertThat(total.getEnvelope().getCorrelationId()).isEqualTo("batch-1");
        assertThat(total.getEnvelope().getOccurredAt()).isEqualTo(READ_AT);
    }

    @Test
    void productionOrderExampleKeepsItsZoneAndLines() {
        ProductionOrderChanged order = order(example(ProdsmartFeedExamples.PRODUCTION_ORDERS_JSON));

        assertThat(order.getOrderId()).isEqualTo("1379919");
        assertThat(order.getAction()).isEqualTo(ChangeAction.UPDATED);
        assertThat(order.getRunningStatus()).isEqualTo("notstarted");
        assertThat(order.getStartDate()).isEqualTo(Instant.parse("2022-04-20T23:00:00Z"));
        assertThat(order.getActive()).isTrue();
        assertThat(order.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getProductCode()).isEqualTo("RN2");
            assertThat(line.getQuantityOrdered()).isEqualByComparingTo("30");
            assertThat(line.getQuantityProduced()).isEqualByComparingTo("0");
        });
        assertThat(order.getEnvelope().getEventId())
                .isEqualTo(Envelopes.eventId("prodsmart-feed:stock:acme:batch-1:0:order"));
    }

    @Test
    void productionOrderWithoutRunningStatusIsADeletion() {
        JsonNode deleted = JSON.readTree("{\"id\": 7, \"code\": \"PO 7\", \"products\": []}");

        ProductionOrderChanged order = order(deleted);

        assertThat(order.getAction()).isEqualTo(ChangeAction.DELETED);
    }

    @Test
    void deletedOrderWithoutAnActiveFlagIsInactive() {
        // the document's order once deleted: its running-status removed, no is-active (the webhook's body shape)
        ProductionOrderChanged order = order(JSON.readTree(ProdsmartExamples.load(ProdsmartExamples.PRODUCTION_ORDER_DELETED_JSON)));

        assertThat(order.getAction()).isEqualTo(ChangeAction.DELETED);
        assertThat(order.getActive()).isFalse();
    }

    @Test
    void refusesAnOrderLineWithoutItsOrderedQuantityInsteadOfReadingZero() {
        JsonNode order = JSON.readTree("{\"id\": 9, \"running-status\": \"started\", "
                + "\"products\": [{\"product\": \"RN2\", \"quantity-produced\": 3}]}");

        assertThatThrownBy(() -> mapper.map(ChannelType.PRODUCTION_ORDER, order, context))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
                    assertThat(e.field()).isEqualTo("products[0].quantity-ordered");
                    assertThat(e.getMessage()).isEqualTo("products[0].quantity-ordered: is required");
                });
    }

    @Test
    void readsQuantitiesTheFeedsReaderParsedAsDoublesExactly() {
        // the poller's JSON reader keeps floats as doubles: 0.1 must stay 0.1, neither rounded nor refused
        JsonNode order = JSON.readTree("{\"id\": 9, \"running-status\": \"started\", "
                + "\"products\": [{\"product\": \"RN2\", \"quantity-ordered\": 0.1, \"quantity-produced\": 1234.567891}]}");

        assertThat(order(order).getLines()).singleElement().satisfies(line -> {
            assertThat(line.getQuantityOrdered()).isEqualTo(new BigDecimal("0.100000"));
            assertThat(line.getQuantityProduced()).isEqualTo(new BigDecimal("1234.567891"));
        });
    }

    @Test
    void takesTheSiteCodeWhetherTheOrderGivesAnObjectOrACode() {
        ProductionOrderChanged answered = order(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDER));
        ProductionOrderChanged requested = order(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDER_PUT_REQUEST));
        ProductionOrderChanged listed = order(DocumentExamples.tree(DocumentExamples.PRODUCTION_ORDERS_LIST).get(0));

        assertThat(answered.getSite()).isEqualTo("location code");
        assertThat(requested.getSite()).isEqualTo("location code");
        assertThat(listed.getSite()).isEqualTo("location code");
        assertThat(listed.getActive()).isTrue();
        assertThat(listed.getLines()).singleElement()
                .satisfies(line -> assertThat(line.getQuantityOrdered()).isEqualByComparingTo("4500"));
    }

    @Test
    void mapsOneOrderAlikeWhetherReadFromTheFeedOrAWebhook() {
        byte[] body = ProdsmartExamples.load(ProdsmartExamples.PRODUCTION_ORDER_JSON);
        WebhookTopic topic = WebhookTopic.of("productionOrder/update");
        ProductionOrderChanged fromWebhook = (ProductionOrderChanged) mapper.map(
                new RawWebhook(topic.name(), "uuid-1", READ_AT, "corr", body), topic,
                new ProdsmartPayloads(LISBON).parse(topic, body)).get(0).event();
        ProductionOrderChanged fromFeed = order(JSON.readTree(new String(body, StandardCharsets.UTF_8)));

        fromWebhook.setEnvelope(fromFeed.getEnvelope());
        assertThat(fromWebhook).isEqualTo(fromFeed);
    }

    @Test
    void readsADateWithoutZoneAndABareDateInTheCompanyZone() {
        JsonNode order = JSON.readTree("{\"id\": 8, \"running-status\": \"started\", "
                + "\"start-date\": \"2020-07-20T09:15:15\", \"due-date\": \"2020-07-21\"}");

        ProductionOrderChanged event = order(order);

        assertThat(event.getStartDate()).isEqualTo(Instant.parse("2020-07-20T08:15:15Z"));
        assertThat(event.getDueDate()).isEqualTo(Instant.parse("2020-07-20T23:00:00Z"));
    }

    @Test
    void dateWithOffsetKeepsIt() {
        JsonNode order = JSON.readTree("{\"id\": 8, \"running-status\": \"started\", "
                + "\"due-date\": \"2020-07-20T09:15:15+01\"}");

        assertThat(order(order).getDueDate()).isEqualTo(Instant.parse("2020-07-20T08:15:15Z"));
    }

    @Test
    void productExampleIsAnUpsertAndProductRemoveADeletion() {
        ArticleUpserted product = article(example(ProdsmartFeedExamples.PRODUCTS_JSON));
        ArticleUpserted removed = article(JSON.readTree("{\"code\": \"V23076\", \"notification\": \"product_remove\"}"));

        assertThat(product.getCode()).isEqualTo("V23076");
        assertThat(product.getDescription()).isEqualTo("V23076");
        assertThat(product.getDeleted()).isFalse();
        assertThat(removed.getDeleted()).isTrue();
        assertThat(FeedItems.productCode(example(ProdsmartFeedExamples.PRODUCTS_JSON))).isEqualTo("V23076");
    }

    @Test
    void productsReorderQuantitiesBecomeTheArticlesMinimumAndMultipleOrderQuantities() {
        // PRODUKTY shows both fields (null in the example); a number or numeric text when set
        String products = new String(ProdsmartFeedExamples.load(ProdsmartFeedExamples.PRODUCTS_JSON), StandardCharsets.UTF_8);
        ArticleUpserted unset = article(example(ProdsmartFeedExamples.PRODUCTS_JSON));
        ArticleUpserted set = article(JSON.readTree(products
                .replace("\"min-quantity-reorder\": null", "\"min-quantity-reorder\": 50.0")
                .replace("\"quantity-multiple\": null", "\"quantity-multiple\": \"12\"")).get(0));

        assertThat(unset.getMinimumOrderQuantity()).isNull();
        assertThat(unset.getMultipleOrderQuantity()).isNull();
        assertThat(set.getMinimumOrderQuantity()).isEqualTo(new BigDecimal("50.000000"));
        assertThat(set.getMultipleOrderQuantity()).isEqualTo(new BigDecimal("12.000000"));
    }

    @Test
    void reconciliationProductsCarryTheirReorderQuantitiesAlike() {
        // reconciliation reads GET /api/products: the same mapping (the list example shows no reorder fields)
        JsonNode listed = JSON.readTree("{\"code\": \"P11\", \"name\": \"Product 11\", \"unit-price\": 4.32000, "
                + "\"families\": [{\"code\": \"FG\", \"name\": \"Finished Goods\"}], \"min-quantity-reorder\": 5, "
                + "\"quantity-multiple\": 2.5}");

        ArticleUpserted article = (ArticleUpserted) mapper.map(ChannelType.PRODUCT, listed,
                new ItemContext("reconcile", "run-1:products:1", 0, READ_AT)).get(0).event();

        assertThat(article.getMinimumOrderQuantity()).isEqualByComparingTo("5");
        assertThat(article.getMultipleOrderQuantity()).isEqualByComparingTo("2.5");
        assertThat(article.getAttributes()).containsEntry("families", "FG");
    }

    @Test
    void itemWithoutItsIdentityIsRefused() {
        assertThatThrownBy(() -> mapper.map(ChannelType.STOCK, JSON.readTree("{\"stock\": 3}"), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("product-code");
    }

    @Test
    void refusesItemsOfAChannelThatIsKeptRaw() {
        assertThatThrownBy(() -> mapper.map(ChannelType.DOWN_TIME, example(ProdsmartFeedExamples.DOWN_TIMES_JSON), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kept raw");
        assertThat(ChannelType.DOWN_TIME.canonical()).isFalse();
        assertThat(ChannelType.PRODUCTION_ORDER.canonical()).isTrue();
    }

    private ProductionOrderChanged order(JsonNode item) {
        List<CanonicalEvent> events = mapper.map(ChannelType.PRODUCTION_ORDER, item, context);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(Topics.PRODUCTION_ORDER_CHANGED);
            assertThat(e.key()).isEqualTo(((ProductionOrderChanged) e.event()).getOrderId());
        });
        return (ProductionOrderChanged) events.get(0).event();
    }

    private ArticleUpserted article(JsonNode item) {
        List<CanonicalEvent> events = mapper.map(ChannelType.PRODUCT, item, context);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.topic()).isEqualTo(Topics.ARTICLE_UPSERTED));
        return (ArticleUpserted) events.get(0).event();
    }

    private static JsonNode example(String resource) {
        return JSON.readTree(ProdsmartFeedExamples.load(resource)).get(0);
    }
}
