package com.crossdock.platform.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of every poller, one naming scheme tagged by vendor (docs/poller-kit.md "Metrics"): items read and
 * feed lag per channel, the loss window of each read, records spooled, the lease, reconciliation runs and what
 * they published; the budget gauge is {@link PollerBudget}'s. The spool's depth is the platform's
 * {@code crossdock.spool.depth{spool}}; requests, 429s and token renewals are the vendor client kit's
 * {@code crossdock.vendor.*{vendor}}.
 */
public final class PollerMetrics {

    /** Items read from the feed, tagged {@code vendor}, {@code channel}, {@code type}. */
    public static final String ITEMS = "crossdock.poller.items";
    /** Seconds since the channel was last seen drained (a page that was not full), tagged {@code vendor}, {@code channel}. */
    public static final String LAG = "crossdock.poller.lag";
    /** From the vendor's answer to its batch in Kafka or the spool, tagged {@code vendor}, {@code channel}. */
    public static final String PERSIST = "crossdock.poller.persist";
    /** The account's requests in the last period of its published limit, over that limit (0..1), tagged {@code vendor}. */
    public static final String BUDGET_USED = "crossdock.poller.budget.used";
    /** Records that Kafka did not take in time and went to the spool, tagged {@code vendor}. */
    public static final String SPOOLED = "crossdock.poller.spooled";
    /** 1 on the instance that holds the account's lease, 0 on a standby, tagged {@code vendor}, {@code account}. */
    public static final String LEASE = "crossdock.poller.lease.active";
    /** What reconciliation runs published, tagged {@code vendor} and the adapter's {@code kind}. */
    public static final String RECONCILIATION_ITEMS = "crossdock.poller.reconciliation.items";
    /**
     * Destructive reads that failed after they may have been served (a timeout, a connection lost after sending, a
     * 5xx): what they answered may be gone at the vendor; tagged {@code vendor}, {@code channel}.
     */
    public static final String POSSIBLY_LOST_PAGES = "crossdock.poller.possibly_lost_pages";
    /** Reconciliation runs ended, tagged {@code vendor} and {@code outcome}: completed, lease-lost, failed. */
    public static final String RECONCILIATION_RUNS = "crossdock.poller.reconciliation.runs";

    private final MeterRegistry registry;
    private final Clock clock;
    private final String vendor;
    private final Map<String, Instant> drainedAt = new ConcurrentHashMap<>();
    private final Map<String, Timer> persistTimers = new ConcurrentHashMap<>();
    private final Counter spooled;

    public PollerMetrics(MeterRegistry registry, Clock clock, String vendor) {
        this.registry = registry;
        this.clock = clock;
        this.vendor = vendor;
        this.spooled = Counter.builder(SPOOLED).tag("vendor", vendor)
                .description("Records that Kafka could not take in time, spooled").register(registry);
    }

    public String vendor() {
        return vendor;
    }

    /** Registers a channel's lag gauge and loss-window timer, before its first read. */
    void channel(String channel) {
        drainedAt.putIfAbsent(channel, clock.instant());
        lostPages(channel);
        Gauge.builder(LAG, this, metrics -> metrics.lagSeconds(channel)).tags("vendor", vendor, "channel", channel)
                .baseUnit("seconds")
                .description("Upper bound of the age of the oldest unread change: time since the channel was last seen drained")
                .register(registry);
        persistTimers.computeIfAbsent(channel, name -> Timer.builder(PERSIST).tags("vendor", vendor, "channel", name)
                .description("From the vendor's answer to its batch being in Kafka or the spool: the loss window")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .register(registry));
    }

    void lease(String account, BooleanSupplier active) {
        // a strong reference: the supplier is a method reference nothing else holds, and a gauge's weakly
        // held state would be collected and read NaN
        Gauge.builder(LEASE, active, supplier -> supplier.getAsBoolean() ? 1 : 0).strongReference(true)
                .tags("vendor", vendor, "account", account)
                .description("1 on the instance that polls the account, 0 on a standby").register(registry);
    }

    void items(String channel, String type, int count, boolean drained) {
        Counter.builder(ITEMS).tags("vendor", vendor, "channel", channel, "type", type).register(registry)
                .increment(count);
        if (drained) {
            drainedAt.put(channel, clock.instant());
        }
    }

    /**
     * The time from the vendor's answer to its batch being in Kafka (acks=all) or fsync'd in the spool: the one
     * window in which a read change exists only in this process.
     */
    void persisted(String channel, Duration window) {
        persistTimers.get(channel).record(window);
    }

    void possiblyLost(String channel) {
        lostPages(channel).increment();
    }

    private Counter lostPages(String channel) {
        return Counter.builder(POSSIBLY_LOST_PAGES).tags("vendor", vendor, "channel", channel)
                .description("Destructive reads that failed after they may have been served: their answer may be lost")
                .register(registry);
    }

    void spooled(int count) {
        spooled.increment(count);
    }

    void reconciled(String kind, int count) {
        Counter.builder(RECONCILIATION_ITEMS).tags("vendor", vendor, "kind", kind)
                .description("Items published by reconciliation runs, by kind").register(registry).increment(count);
    }

    void reconciliationEnded(String outcome) {
        Counter.builder(RECONCILIATION_RUNS).tags("vendor", vendor, "outcome", outcome)
                .description("Reconciliation runs, by how they ended").register(registry).increment();
    }

    double lagSeconds(String channel) {
        Instant at = drainedAt.get(channel);
        return at == null ? 0 : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }
}
