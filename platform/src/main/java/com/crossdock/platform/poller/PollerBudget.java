package com.crossdock.platform.poller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.platform.vendor.client.VendorClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The one request budget of a vendor account, shared by the feed and by reconciliation. Both call through the vendor
 * client kit's client of {@code crossdock.vendors.<vendor>}, so its policy paces every request; reconciliation's calls
 * take a permit of the budget share {@code crossdock.vendors.<vendor>.shares.reconciliation} first
 * (docs/vendor-clients.md), so the feed keeps the rest. The kit adds no limiter of its own: it only counts what is
 * sent, token requests and retries included, for the gauge {@link PollerMetrics#BUDGET_USED}.
 */
public final class PollerBudget {

    /** Reconciliation's share of the budget: {@code crossdock.vendors.<vendor>.shares.reconciliation}. */
    public static final String RECONCILIATION_SHARE = "reconciliation";

    private final VendorClient client;
    private final PublishedLimit limit;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** {@code customizer} adjusts the client's WebClient after the kit (a test's base URL or request spy). */
    public PollerBudget(VendorClients clients, String vendor, PublishedLimit limit, MeterRegistry registry, Clock clock,
            Consumer<WebClient.Builder> customizer) {
        this.limit = limit;
        this.clock = clock;
        this.client = clients.client(vendor, web -> {
            web.filter((request, next) -> Mono.defer(() -> {
                request();
                return next.exchange(request);
            }));
            customizer.accept(web);
        });
        Gauge.builder(PollerMetrics.BUDGET_USED, this, PollerBudget::used).tag("vendor", vendor)
                .description("Share of the vendor's published per-account limit used in its last period (0..1)")
                .register(registry);
    }

    PollerBudget(VendorClients clients, String vendor, PublishedLimit limit, MeterRegistry registry, Clock clock) {
        this(clients, vendor, limit, registry, clock, web -> {
        });
    }

    /** The client of the feed: the account's whole budget. */
    public VendorClient feed() {
        return client;
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
