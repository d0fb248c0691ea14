package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.crossdock.platform.poller.FeedSettings;
import com.crossdock.platform.poller.LeaseSettings;
import com.crossdock.platform.poller.ReconciliationSettings;
import com.crossdock.platform.retry.Backoff;
import com.crossdock.vendor.prodsmart.ChannelType;
import org.junit.jupiter.api.Test;

class PollerPropertiesTest {

    @Test
    void refusesMoreThanThreeChannelsWithAClearMessage() {
        List<PollerProperties.Channel> four = List.of(channel("a", ChannelType.STOCK), channel("b", ChannelType.PRODUCT),
                channel("c", ChannelType.PRODUCTION_ORDER), channel("d", ChannelType.DOWN_TIME));

        assertThatThrownBy(() -> properties(four).validate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 to 3 channels").hasMessageContaining("3 per organisation");
    }

    @Test
    void refusesAChannelNamedTwice() {
        assertThatThrownBy(() -> properties(List.of(channel("a", ChannelType.STOCK), channel("a", ChannelType.PRODUCT)))
                .validate()).hasMessageContaining("names channel a twice");
    }

    @Test
    void acceptsUpToThreeChannels() {
        PollerProperties properties = properties(List.of(channel("a", ChannelType.STOCK), channel("b", ChannelType.PRODUCT),
                channel("c", ChannelType.PRODUCTION_ORDER)));

        assertThatCode(properties::validate).doesNotThrowAnyException();
    }

    @Test
    void theFeedRetryKeepsTheDefaultsItDoesNotName() {
        FeedSettings feed = new FeedSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(1), new Backoff(null, null, Duration.ofMinutes(1), null, null));

        assertThat(feed.retry()).isEqualTo(new Backoff(Duration.ofMillis(200), 2.0, Duration.ofMinutes(1), 0.0, 0));
        assertThat(properties(List.of(channel("a", ChannelType.STOCK))).feed().retry())
                .isEqualTo(FeedSettings.RETRY_DEFAULTS);
    }

    private static PollerProperties.Channel channel(String name, ChannelType type) {
        return new PollerProperties.Channel(name, type);
    }

    private static PollerProperties properties(List<PollerProperties.Channel> channels) {
        return new PollerProperties(channels,
                120, Duration.ofMinutes(1), new FeedSettings(Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(1), null), new ReconciliationSettings(true, "0 0 3 * * *"),
                new LeaseSettings(Duration.ofSeconds(10)));
    }
}
