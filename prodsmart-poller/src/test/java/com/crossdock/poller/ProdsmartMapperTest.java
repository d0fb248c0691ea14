package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartFeedExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProdsmartMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant READ_AT = Instant.parse("2024-03-01T10:00:00Z");
    private final ProdsmartMapper mapper = new ProdsmartMapper(new Envelopes(Clock.systemUTC()),
            new ProdsmartDates(ZoneId.of("Europe/Lisbon")));
    private final ItemContext context = new ItemContext("acme", "feed:stock", "batch-1", 0, READ_AT);

    @Test
    void stockExampleBecomesAbsoluteLevelsForTheProductAndEachLot() {
        List<Outgoing> events = mapper.stock(example(ProdsmartFeedExamples.STOCK_JSON), context);

        assertThat(events).extracting(Outgoing::topic).containsOnly(Topics.STOCK_CHANGED);
        assertThat(events).extracting(Outgoing::key).containsOnly("P1|");
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
    void productionOrderExampleKeepsItsZoneAndLines() {
        ProductionOrderChanged order = (ProductionOrderChanged) mapper.productionOrder(
                example(ProdsmartFeedExamples.PRODUCTION_ORDERS_JSON), context).event();

        assertThat(order.getOrderId()).isEqualTo("1379919");
        assertThat(order.getAction()).isEqualTo(ChangeAction.UPDATED);
        assertThat(order.getRunningStatus()).isEqualTo("notstarted");
        assertThat(order.getStartDate()).isEqualTo(Instant.parse("2022-04-20T23:00:00Z"));
        assertThat(order.getActive()).isTrue();
        assertThat(order.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getProductCode()).isEqualTo("RN2");
            assertThat(line.getQuantityOrdered()).isEqualByComparingTo("30");
        });
    }

    @Test
    void productionOrderWithoutRunningStatusIsADeletion() {
        JsonNode deleted = JSON.readTree("{\"id\": 7, \"code\": \"PO 7\", \"products\": []}");

        ProductionOrderChanged order = (ProductionOrderChanged) mapper.productionOrder(deleted, context).event();

        assertThat(order.getAction()).isEqualTo(ChangeAction.DELETED);
    }

    @Test
    void dateWithoutZoneIsReadInTheCompanyZone() {
        JsonNode order = JSON.readTree("{\"id\": 8, \"running-status\": \"started\", "
                + "\"start-date\": \"2020-07-20T09:15:15\", \"due-date\": \"2020-07-20T09:15:15+01\"}");

        ProductionOrderChanged event = (ProductionOrderChanged) mapper.productionOrder(order, context).event();

        assertThat(event.getStartDate()).isEqualTo(Instant.parse("2020-07-20T08:15:15Z"));
        assertThat(event.getDueDate()).isEqualTo(Instant.parse("2020-07-20T08:15:15Z"));
    }

    @Test
    void productExampleIsAnUpsertAndProductRemoveADeletion() {
        ArticleUpserted product = (ArticleUpserted) mapper.product(example(ProdsmartFeedExamples.PRODUCTS_JSON), context).event();
        ArticleUpserted removed = (ArticleUpserted) mapper.product(
                JSON.readTree("{\"code\": \"V23076\", \"notification\": \"product_remove\"}"), context).event();

        assertThat(product.getCode()).isEqualTo("V23076");
        assertThat(product.getDescription()).isEqualTo("V23076");
        assertThat(product.getDeleted()).isFalse();
        assertThat(removed.getDeleted()).isTrue();
    }

    @Test
    void itemWithoutItsIdentityIsRefused() {
        assertThatThrownBy(() -> mapper.stock(JSON.readTree("{\"stock\": 3}"), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("product-code");
    }

    @Test
    void unmappableAndRawChannelItemsGoToTheRawTopicWithTheirReason() {
        ItemRouter router = new ItemRouter(mapper, "raw");
        List<JsonNode> items = List.of(JSON.readTree("{\"stock\": 3}"));

        List<Outgoing> stock = router.route("stock", ChannelType.STOCK, items, context);
        List<Outgoing> downtimes = router.route("dt", ChannelType.DOWN_TIME,
                List.of(example(ProdsmartFeedExamples.DOWN_TIMES_JSON)), context);

        assertThat(stock).singleElement().satisfies(out -> {
            assertThat(out.topic()).isEqualTo("raw");
            assertThat(out.headers()).containsKey(ItemRouter.HEADER_MAPPING_ERROR);
        });
        assertThat(downtimes).singleElement().satisfies(out -> {
            assertThat(out.topic()).isEqualTo("raw");
            assertThat(out.headers()).containsEntry(ItemRouter.HEADER_CHANNEL_TYPE, "DOWN_TIME")
                    .doesNotContainKey(ItemRouter.HEADER_MAPPING_ERROR);
        });
    }

    private static JsonNode example(String resource) {
        return JSON.readTree(ProdsmartFeedExamples.load(resource)).get(0);
    }
}
