package com.crossdock.platform.poller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.platform.vendor.client.VendorClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one request budget of a vendor account, shared by the feed and by reconciliation. Both call through the vendor
 * client kit's client of {@code crossdock.vendors.<vendor>}, so its policy paces every request; reconciliation's calls
 * take a permit of the budget share {@code crossdock.vendors.<vendor>.shares.reconciliation} first
 * (docs/vendor-clients.md), so the feed keeps the rest. The kit adds no limiter and no client of its own: it takes
 * the vendor's one client (one token) and counts what its policy sends, every attempt and token request included
 * ({@code VendorPolicy#onRequest}, as {@code crossdock.vendor.requests} counts them), for the gauge
 * {@link PollerMetrics#BUDGET_USED}.
 */
public final class PollerBudget {

    /** Reconciliation's share of the budget: {@code crossdock.vendors.<vendor>.shares.reconciliation}. */
    public static final String RECONCILIATION_SHARE = "reconciliation";

    private final VendorClient client;
    private final PublishedLimit limit;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public PollerBudget(VendorClients clients, String vendor, PublishedLimit limit, MeterRegistry registry, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.client = clients.client(vendor);
        client.policy().onRequest(this::request);
        Gauge.builder(PollerMetrics.BUDGET_USED, this, PollerBudget::used).tag("vendor", vendor)
                .description("Share of the vendor's published per-account limit used in its last period (0..1)")
                .register(registry);
    }

    /** The client of the feed: the account's whole budget. */
    public VendorClient feed() {
        return client;
    }

    /**
     * The client of a destructive feed ({@link FeedSource#destructive()}): the account's whole budget, and a call that
     * may have been served is never repeated (the vendor client kit's {@code VendorClient#destructive()}).
     */
    public VendorClient destructiveFeed() {
        return client.destructive();
    }

    /** The client of reconciliation: the same client and token, under reconciliation's share of the budget. */
    public VendorClient reconciliation() {
        return client.share(RECONCILIATION_SHARE);
    }

    /** Requests sent in the last period of the published limit, over that limit. */
    public synchronized double used() {
        trim();
        return recent.size() / (double) limit.requests();
    }

    private synchronized void request() {
        recent.addLast(clock.instant());
        trim();
    }

    private void trim() {
        Instant start = clock.instant().minus(limit.period());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(start)) {
            recent.pollFirst();
        }
    }
}
