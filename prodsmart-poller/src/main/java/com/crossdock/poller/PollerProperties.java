package com.crossdock.poller;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.crossdock.platform.poller.FeedSettings;
import com.crossdock.platform.poller.LeaseSettings;
import com.crossdock.platform.poller.PublishedLimit;
import com.crossdock.platform.poller.ReconciliationSettings;
import com.crossdock.vendor.prodsmart.ChannelType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller of one Prodsmart company ({@code crossdock.prodsmart.*}). The company itself, its code and time zone
 * ({@code crossdock.prodsmart.company}, {@code .time-zone}), is {@code ProdsmartProperties} of the vendor library,
 * shared with the ingress. Prodsmart's address, credentials, token and call pacing are the vendor client
 * {@code crossdock.vendors.prodsmart.*} (every request, feed and reconciliation together; reconciliation's share of
 * the budget is {@code crossdock.vendors.prodsmart.shares.reconciliation}). {@code feed}, {@code reconciliation} and
 * {@code lease} are the poller kit's settings (docs/poller-kit.md).
 *
 * @param channels       the channels to drain, at most 3 (default: stock, production-orders, products) (Prodsmart: "do 3 kanałów w każdej organizacji")
 * @param rateLimit      Prodsmart's published limit per {@code ratePeriod} (120/min), for the budget gauge
 * @param ratePeriod     the period of that limit
 * @param feed           feed cadence and durability settings
 * @param reconciliation the full pass over the list endpoints
 * @param lease          the single-active-instance guard
 */
@ConfigurationProperties("crossdock.prodsmart")
public record PollerProperties(
        List<Channel> channels,
        @DefaultValue("120") int rateLimit,
        @DefaultValue("1m") Duration ratePeriod,
        @DefaultValue @NestedConfigurationProperty FeedSettings feed,
        @DefaultValue @NestedConfigurationProperty ReconciliationSettings reconciliation,
        @DefaultValue @NestedConfigurationProperty LeaseSettings lease) {

    static final String PREFIX = "crossdock.prodsmart";
    static final int MAX_CHANNELS = 3;

    public PollerProperties {
        // the default: the three channels that map to canonical events, named after their type
        channels = channels == null || channels.isEmpty()
                ? List.of(new Channel("stock", ChannelType.STOCK), new Channel("production-orders", ChannelType.PRODUCTION_ORDER),
                        new Channel("products", ChannelType.PRODUCT))
                : List.copyOf(channels);
    }

    /** Fails the start with a message that says what to fix. */
    void validate() {
        if (channels.isEmpty() || channels.size() > MAX_CHANNELS) {
            throw new IllegalStateException("crossdock.prodsmart.channels must name 1 to " + MAX_CHANNELS
                    + " channels (Prodsmart allows " + MAX_CHANNELS + " per organisation); configured: " + channels);
        }
        Set<String> names = new HashSet<>();
        for (Channel channel : channels) {
            if (channel.name() == null || channel.name().isBlank() || channel.type() == null) {
                throw new IllegalStateException("every crossdock.prodsmart.channels entry needs a name and a type "
                        + "(STOCK, PRODUCTION_ORDER, PRODUCT, DOWN_TIME, PRODUCTION, PUNCH_CLOCK): " + channel);
            }
            if (!names.add(channel.name())) {
                throw new IllegalStateException("crossdock.prodsmart.channels names channel " + channel.name() + " twice");
            }
        }
    }

    PublishedLimit limit() {
        return new PublishedLimit(rateLimit, ratePeriod);
    }

    /** A change channel as created in Prodsmart's integration menu: its name (the URL segment) and type. */
    public record Channel(String name, ChannelType type) {
    }
}
