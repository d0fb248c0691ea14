package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.sandbox.prodsmart.ProdsmartFeedExamples;
import com.crossdock.vendor.prodsmart.ChannelType;
import com.crossdock.vendor.prodsmart.ItemContext;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where the poller sends a channel's items; the mapping itself is the vendor library's (ProdsmartItemMappingTest). */
class ItemRouterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ItemRouter router = new ItemRouter(new ProdsmartEventMapper(new Envelopes(Clock.systemUTC()),
            new ProdsmartProperties("acme", ZoneId.of("Europe/Lisbon"))));
    private final ItemContext batch = new ItemContext("feed:stock", "batch-1", 0, Instant.parse("2024-03-01T10:00:00Z"));

    @Test
    void unmappableAndRawChannelItemsGoToTheRawTopicWithTheirReason() {
        List<JsonNode> items = List.of(JSON.readTree("{\"stock\": 3}"));

        List<Outgoing> stock = router.route("stock", ChannelType.STOCK, items, batch);
        List<Outgoing> downtimes = router.route("dt", ChannelType.DOWN_TIME,
                List.of(example(ProdsmartFeedExamples.DOWN_TIMES_JSON)), batch);

        assertThat(stock).singleElement().satisfies(out -> {
            assertThat(out.topic()).isEqualTo(Topics.PRODSMART_CHANGES_RAW);
            assertThat(out.headers()).containsKey("crossdock.prodsmart.mapping-error");
        });
        assertThat(downtimes).singleElement().satisfies(out -> {
            assertThat(out.topic()).isEqualTo(Topics.PRODSMART_CHANGES_RAW);
            assertThat(out.headers()).containsEntry("crossdock.prodsmart.channel-type", "DOWN_TIME")
                    .doesNotContainKey("crossdock.prodsmart.mapping-error");
        });
    }

    @Test
    void sendsAnOrderWithoutItsOrderedQuantityToTheRawTopicNamingTheField() {
        JsonNode order = JSON.readTree("{\"id\": 9, \"running-status\": \"started\", "
                + "\"products\": [{\"product\": \"RN2\", \"quantity-produced\": 3}]}");

        List<Outgoing> out = router.route("production-orders", ChannelType.PRODUCTION_ORDER, List.of(order), batch);

        assertThat(out).singleElement().satisfies(raw -> {
            assertThat(raw.topic()).isEqualTo(Topics.PRODSMART_CHANGES_RAW);
            assertThat(raw.event()).isNull();
            assertThat(raw.headers()).containsEntry("crossdock.prodsmart.mapping-error",
                    "products[0].quantity-ordered: is required");
        });
    }

    @Test
    void givesEachItemOfAReadItsOwnPlaceInTheEventIds() {
        JsonNode stock = example(ProdsmartFeedExamples.STOCK_JSON);

        List<Outgoing> out = router.route("stock", ChannelType.STOCK, List.of(stock, stock), batch);

        assertThat(out).extracting(Outgoing::topic).containsOnly(Topics.STOCK_CHANGED);
        assertThat(out).extracting(o -> ((StockChanged) o.event()).getEnvelope().getEventId()).containsExactly(
                Envelopes.eventId("prodsmart-feed:stock:acme:batch-1:0:total"),
                Envelopes.eventId("prodsmart-feed:stock:acme:batch-1:0:lot:Lot 0086"),
                Envelopes.eventId("prodsmart-feed:stock:acme:batch-1:1:total"),
                Envelopes.eventId("prodsmart-feed:stock:acme:batch-1:1:lot:Lot 0086"));
    }

    private static JsonNode example(String resource) {
        return JSON.readTree(ProdsmartFeedExamples.load(resource)).get(0);
    }
}
