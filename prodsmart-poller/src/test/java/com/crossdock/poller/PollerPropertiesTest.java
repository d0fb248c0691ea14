package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
    void acceptsThreeChannelsAndNeverPrintsTheSecret() {
        PollerProperties properties = properties(List.of(channel("a", ChannelType.STOCK)));

        assertThatCode(properties::validate).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(properties.toString()).doesNotContain("s3cret").doesNotContain("k3y");
    }

    private static PollerProperties.Channel channel(String name, ChannelType type) {
        return new PollerProperties.Channel(name, type);
    }

    private static PollerProperties properties(List<PollerProperties.Channel> channels) {
        return new PollerProperties(URI.create("http://localhost"), "k3y", "s3cret", channels,
                120, Duration.ofMinutes(1), "raw", new PollerProperties.Feed(Duration.ofSeconds(30), 25,
                Duration.ofSeconds(10), Duration.ofSeconds(1)), new PollerProperties.Token(Duration.ofHours(2),
                Duration.ofMinutes(10)), new PollerProperties.Reconciliation(true, "0 0 3 * * *", 30, Duration.ofMinutes(1)),
                new PollerProperties.Lease("lease", Duration.ofSeconds(10)));
    }
}
