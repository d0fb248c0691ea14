package com.crossdock.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import com.crossdock.vendor.prodsmart.ChannelType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator alerts on (docs/prodsmart-poller.md "Metrics"): feed lag per channel, items per channel,
 * the loss window per read, the share of Prodsmart's budget used in the last period, records spooled, the lease.
 * The spool's depth is the platform's {@code crossdock.spool.depth{spool=prodsmart-poller}}; requests, 429s and
 * token renewals are the vendor kit's {@code crossdock.vendor.*{vendor=prodsmart}}.
 */
final class PollerMetrics {

    static final String ITEMS = "crossdock.prodsmart.feed.items";
    static final String LAG = "crossdock.prodsmart.feed.lag";
    static final String BUDGET_USED = "crossdock.prodsmart.rate.budget.used";
    static final String SPOOLED = "crossdock.prodsmart.spooled";
    static final String LEASE = "crossdock.prodsmart.lease.active";
    static final String PERSIST = "crossdock.prodsmart.feed.persist";
    static final String RECONCILIATION_EVENTS = "crossdock.prodsmart.reconciliation.events";

    private final MeterRegistry registry;
    private final Clock clock;
    private final int budget;
    private final Duration period;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final Map<String, Instant> drainedAt = new ConcurrentHashMap<>();
    private final Map<String, Timer> persistTimers = new ConcurrentHashMap<>();
    private final Counter spooled;

    PollerMetrics(MeterRegistry registry, Clock clock, int budget, Duration period) {
        this.registry = registry;
        this.clock = clock;
        this.budget = budget;
        this.period = period;
        this.spooled = Counter.builder(SPOOLED).description("Records that Kafka could not take in time, spooled")
                .register(registry);
        Gauge.builder(BUDGET_USED, this, PollerMetrics::budgetUsed)
                .description("Share of Prodsmart's per-company limit used in the last period (0..1)").register(registry);
    }

    void channel(String channel) {
        drainedAt.putIfAbsent(channel, clock.instant());
        Gauge.builder(LAG, this, metrics -> metrics.lagSeconds(channel)).tag("channel", channel).baseUnit("seconds")
                .description("Upper bound of the age of the oldest unread change: time since the channel was last seen drained")
                .register(registry);
        persistTimers.put(channel, Timer.builder(PERSIST).tag("channel", channel)
                .description("From Prodsmart's feed answer to its batch being in Kafka or the spool: the loss window")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .register(registry));
    }

    void lease(BooleanSupplier active) {
        // a strong reference: the supplier is a method reference nothing else holds, and a gauge's weakly
        // held state would be collected and read NaN
        Gauge.builder(LEASE, active, supplier -> supplier.getAsBoolean() ? 1 : 0).strongReference(true)
                .description("1 on the instance that drains the company, 0 on a standby").register(registry);
    }

    void items(String channel, ChannelType type, int count, boolean drained) {
        Counter.builder(ITEMS).tags("channel", channel, "type", type.name()).register(registry).increment(count);
        if (drained) {
            drainedAt.put(channel, clock.instant());
        }
    }

    /**
     * The time from Prodsmart's answer to its batch being in Kafka (acks=all) or fsync'd in the spool: the
     * one window in which a read change exists only in this process (docs/prodsmart-poller.md "Durability").
     */
    void persisted(String channel, Duration window) {
        persistTimers.get(channel).record(window);
    }

    void reconciled(String kind, int count) {
        Counter.builder(RECONCILIATION_EVENTS).tag("kind", kind).register(registry).increment(count);
    }

    /** A request sent to Prodsmart (retries and token requests included), for the budget gauge. */
    synchronized void request() {
        recent.addLast(clock.instant());
        trim();
    }

    void spooled(int count) {
        spooled.increment(count);
    }

    synchronized double budgetUsed() {
        trim();
        return recent.size() / (double) budget;
    }

    double lagSeconds(String channel) {
        Instant at = drainedAt.get(channel);
        return at == null ? 0 : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }

    private void trim() {
        Instant start = clock.instant().minus(period);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(start)) {
            recent.pollFirst();
        }
    }
}
