package com.crossdock.poller;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.vendor.prodsmart.ChannelType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller of one Prodsmart company ({@code crossdock.prodsmart.*}). The company itself, its code and time zone
 * ({@code crossdock.prodsmart.company}, {@code .time-zone}), is {@code ProdsmartProperties} of the vendor library,
 * shared with the ingress. Prodsmart's address, credentials, token and call pacing are the vendor client
 * {@code crossdock.vendors.prodsmart.*} (every request, feed and reconciliation together; reconciliation's share of
 * the budget is {@code crossdock.vendors.prodsmart.shares.reconciliation}).
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
        @DefaultValue Feed feed,
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
     * @param retry        the waits while a read batch is neither in Kafka nor in the spool (the disk refuses
     *                     it), before nothing more is read ({@code feed.retry.*}, see {@code Backoff}); each
     *                     setting overrides only its component of 200 ms doubling up to 30 s, no jitter;
     *                     max-attempts must stay 0: the batch exists nowhere else
     */
    public record Feed(@DefaultValue("10s") Duration idleInterval, @DefaultValue("25") int pageSize,
                       @DefaultValue("10s") Duration kafkaTimeout, @DefaultValue("1s") Duration recheckInterval,
                       Backoff retry) {

        static final Backoff RETRY_DEFAULTS = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30), 0.0, 0);

        public Feed {
            retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS).validated();
        }
    }

    /**
     * @param enabled      run on the schedule (the admin endpoint works either way)
     * @param cron         when, in the company's time zone (default daily at 03:00)
     */
    public record Reconciliation(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 3 * * *") String cron) {
    }

    /**
     * The lease itself is the one partition of {@code Topics.leaseTopic("prodsmart")}, held by one member of the
     * company's {@code Topics.leaseGroup("prodsmart", company)}.
     *
     * @param sessionTimeout how soon a dead instance's lease passes to a standby
     */
    public record Lease(@DefaultValue("10s") Duration sessionTimeout) {
    }
}
