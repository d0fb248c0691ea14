package com.crossdock.poller;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.crossdock.vendor.prodsmart.ChannelType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller of one Prodsmart company ({@code crossdock.prodsmart.*}). The company itself, its code and time zone
 * ({@code crossdock.prodsmart.company}, {@code .time-zone}), is {@code ProdsmartProperties} of the vendor library,
 * shared with the ingress. The call pacing itself is the vendor policy {@code crossdock.vendors.prodsmart.*} (every
 * request, feed and reconciliation together).
 *
 * @param baseUrl        Prodsmart's base URL ({@code https://app.prodsmart.com})
 * @param apiKey         the API key (from the environment or a mounted file; never logged)
 * @param apiSecret      the API secret (idem)
 * @param channels       the channels to drain, at most 3 (default: stock, production-orders, products) (Prodsmart: "do 3 kanałów w każdej organizacji")
 * @param rateLimit      Prodsmart's published limit per {@code ratePeriod} (120/min), for the budget gauge
 * @param ratePeriod     the period of that limit
 * @param rawTopic       where items of the non-canonical channels, and items that cannot be mapped, go
 * @param feed           feed cadence and durability settings
 * @param token          token life and renewal
 * @param reconciliation the full pass over the list endpoints
 * @param lease          the single-active-instance guard
 */
@ConfigurationProperties("crossdock.prodsmart")
public record PollerProperties(
        @DefaultValue("https://app.prodsmart.com") URI baseUrl,
        String apiKey,
        String apiSecret,
        List<Channel> channels,
        @DefaultValue("120") int rateLimit,
        @DefaultValue("1m") Duration ratePeriod,
        @DefaultValue("crossdock.prodsmart-changes-raw.v1") String rawTopic,
        @DefaultValue Feed feed,
        @DefaultValue Token token,
        @DefaultValue Reconciliation reconciliation,
        @DefaultValue Lease lease) {

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
        if (baseUrl == null) {
            throw new IllegalStateException("crossdock.prodsmart.base-url is required (e.g. https://app.prodsmart.com)");
        }
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalStateException("crossdock.prodsmart.api-key and api-secret are required "
                    + "(CROSSDOCK_PRODSMART_API_KEY / CROSSDOCK_PRODSMART_API_SECRET)");
        }
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

    /** A change channel as created in Prodsmart's integration menu: its name (the URL segment) and type. */
    public record Channel(String name, ChannelType type) {
    }

    /**
     * @param idleInterval  wait after a page that was not full, before asking that channel again
     * @param pageSize      a full page: ask again at once (Prodsmart: 25 per call)
     * @param kafkaTimeout  how long a batch may wait for Kafka's acknowledgement before it is spooled
     * @param recheckInterval how often a channel that may not read looks again: on a standby instance
     *                        (another holds the lease), or while the spool holds records
     */
    public record Feed(@DefaultValue("10s") Duration idleInterval, @DefaultValue("25") int pageSize,
                       @DefaultValue("10s") Duration kafkaTimeout, @DefaultValue("1s") Duration recheckInterval) {
    }

    /**
     * @param life         how long a token lives (Prodsmart: 2 hours)
     * @param renewBefore  renew this long before the end of its life, so no call meets an expired one
     */
    public record Token(@DefaultValue("2h") Duration life, @DefaultValue("10m") Duration renewBefore) {
    }

    /**
     * @param enabled      run on the schedule (the admin endpoint works either way)
     * @param cron         when, in the company's time zone (default daily at 03:00)
     * @param permits      reconciliation's share of the budget: calls per {@code period}; the feed takes
     *                     what reconciliation leaves
     * @param period       the period of that share
     */
    public record Reconciliation(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 3 * * *") String cron,
                                 @DefaultValue("30") int permits, @DefaultValue("1m") Duration period) {
    }

    /**
     * @param topic          the single-partition topic whose partition is the lease
     * @param sessionTimeout how soon a dead instance's lease passes to a standby
     */
    public record Lease(@DefaultValue("crossdock.prodsmart-poller.lease") String topic,
                        @DefaultValue("10s") Duration sessionTimeout) {
    }

    @Override
    public String toString() {
        // the key and secret are credentials: never in a log line
        return "PollerProperties[baseUrl=" + baseUrl + ", apiKey=***, apiSecret=***, channels=" + channels + "]";
    }
}
