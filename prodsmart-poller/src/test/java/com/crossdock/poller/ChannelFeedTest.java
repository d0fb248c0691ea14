package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;

import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Page;
import com.crossdock.vendor.prodsmart.ChannelType;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A channel's page as the kit sees it: full at Prodsmart's 25 items a call, whatever the settings say. */
class ChannelFeedTest {

    private final ChannelFeed feed = new ChannelFeed(new PollerProperties.Channel("downtimes", ChannelType.DOWN_TIME),
            new ProdsmartClient(null), new ItemRouter(new ProdsmartEventMapper(new Envelopes(Clock.systemUTC()),
                    new ProdsmartProperties("acme", ZoneId.of("UTC")))), JsonMapper.builder().build());
    private final FeedSource.Read read = new FeedSource.Read("read-1", Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void aPageOfTwentyFiveItemsIsFullAndAShorterOneIsNot() {
        Page full = feed.page(items(25), read);
        Page drained = feed.page(items(24), read);

        assertThat(full.full()).isTrue();
        assertThat(full.records()).hasSize(25);
        assertThat(drained.full()).isFalse();
        assertThat(drained.items()).isEqualTo(24);
    }

    private static byte[] items(int count) {
        return ("[" + String.join(",", Collections.nCopies(count, "{\"id\":1}")) + "]").getBytes(StandardCharsets.UTF_8);
    }
}
