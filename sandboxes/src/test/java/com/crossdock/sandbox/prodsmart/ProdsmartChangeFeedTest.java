package com.crossdock.sandbox.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prodsmart keeps a channel's changes for 24 hours: an unread change older than that is gone. */
class ProdsmartChangeFeedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private final ProdsmartChangeFeed feed = new ProdsmartChangeFeed(clock, Duration.ofHours(24));

    @Test
    void anUnreadChangeOlderThan24HoursIsGoneAndAYoungerOneIsRead() {
        feed.enqueue("stock", ChannelType.STOCK, List.of(stock("OLD", 1)));
        advance(Duration.ofHours(23));
        feed.enqueue("stock", ChannelType.STOCK, List.of(stock("NEW", 2)));
        assertThat(feed.pending("stock")).isEqualTo(2);

        advance(Duration.ofHours(2));

        assertThat(feed.pending("stock")).isEqualTo(1);
        assertThat(feed.take("stock", 25)).extracting(item -> item.get("product-code").asString()).containsExactly("NEW");
        assertThat(feed.pending("stock")).isZero();
    }

    @Test
    void aChangeAgainRestartsItsRetentionWithItsNewState() {
        feed.enqueue("stock", ChannelType.STOCK, List.of(stock("P1", 1)));
        advance(Duration.ofHours(20));
        feed.enqueue("stock", ChannelType.STOCK, List.of(stock("P1", 7)));

        advance(Duration.ofHours(20));

        List<JsonNode> read = feed.take("stock", 25);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("stock").asInt()).isEqualTo(7);
    }

    private void advance(Duration by) {
        clock.add(by);
    }

    private static JsonNode stock(String code, int level) {
        return JSON.createObjectNode().put("product-code", code).put("stock", level);
    }
}
