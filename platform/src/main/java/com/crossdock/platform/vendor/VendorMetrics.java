package com.crossdock.platform.vendor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * The vendor-call meters of DESIGN.md "Calling vendors", per vendor and operation. Resilience4j's own
 * meters (breaker state, retry and limiter counts) are bound separately, tagged {@code name=<vendor>}, and
 * {@code name=<vendor>.<share>} for the limiter of a budget share.
 * The operation must be a constant name ({@code getOrders}), never an id, to keep the series few.
 */
public final class VendorMetrics {

    /** Logical calls by final outcome, retries included. */
    public static final String CALLS = "crossdock.vendor.calls";
    public static final String CALL_DURATION = "crossdock.vendor.call.duration";
    /** Requests sent to the vendor: every attempt, token requests included. */
    public static final String REQUESTS = "crossdock.vendor.requests";
    public static final String RETRIES = "crossdock.vendor.retries";
    /** Calls that waited for rate-limit permits (a share's and the vendor's), tagged {@code share}. */
    public static final String RATE_LIMIT_WAITS = "crossdock.vendor.ratelimit.waits";
    public static final String RETRY_AFTER = "crossdock.vendor.retry_after";
    /** Answers that told every caller of the credential to wait: a 429, a Retry-After, a blocked token. */
    public static final String THROTTLED = "crossdock.vendor.throttled";
    /** Calls held because the vendor had told every caller to wait. */
    public static final String THROTTLE_WAITS = "crossdock.vendor.throttle.waits";
    /** Free slots of the credential's bulkhead ({@code max-concurrent-calls} less the attempts holding one). */
    public static final String BULKHEAD_AVAILABLE = "crossdock.vendor.bulkhead.available";
    /** The credential's {@code max-concurrent-calls}. */
    public static final String BULKHEAD_MAX = "crossdock.vendor.bulkhead.max";
    /** Attempts waiting for a bulkhead slot now. */
    public static final String BULKHEAD_WAITING = "crossdock.vendor.bulkhead.waiting";
    /** Each attempt's wait for its bulkhead slot (0 when one was free), tagged {@code operation}. */
    public static final String BULKHEAD_WAITS = "crossdock.vendor.bulkhead.waits";
    /** Attempts not sent: no bulkhead slot within {@code bulkhead-max-wait}. */
    public static final String BULKHEAD_REFUSALS = "crossdock.vendor.bulkhead.refusals";
    /** Exchanged tokens replaced before use ({@code reason=expiry}) or after a 401 ({@code reason=unauthorized}). */
    public static final String TOKEN_RENEWALS = "crossdock.vendor.token.renewals";
    /** The {@code share} tag of a call made under the credential's whole budget, not a share of it. */
    public static final String NO_SHARE = "none";
    /** Outcome of a call that ended in an exception that is not a vendor's answer (a bug, a cancelled decode). */
    static final String UNEXPECTED = "error";

    private final MeterRegistry registry;
    private final String vendor;
    private final List<Runnable> requestListeners = new CopyOnWriteArrayList<>();

    VendorMetrics(MeterRegistry registry, String vendor) {
        this.registry = registry;
        this.vendor = vendor;
    }

    /** One logical call, all attempts included: the latency the caller saw and how it ended. */
    void call(String operation, String outcome, long nanos) {
        Counter.builder(CALLS).description("Vendor calls by final outcome, retries included")
                .tags("vendor", vendor, "operation", operation, "outcome", outcome)
                .register(registry).increment();
        Timer.builder(CALL_DURATION).description("Vendor call latency, retries and waits included")
                .tags("vendor", vendor, "operation", operation, "outcome", outcome)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    void request(String operation) {
        Counter.builder(REQUESTS).description("Requests sent to the vendor, retries and token requests included")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).increment();
        requestListeners.forEach(Runnable::run);
    }

    /** {@code listener} runs for every request {@link #REQUESTS} counts, on the thread that sends it. */
    void onRequest(Runnable listener) {
        requestListeners.add(listener);
    }

    void retry(String operation) {
        Counter.builder(RETRIES).description("Vendor call attempts after the first")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).increment();
    }

    void rateLimitWait(String operation, String share, Duration waited) {
        Timer.builder(RATE_LIMIT_WAITS).description("Calls that waited for rate-limit permits, and how long")
                .tags("vendor", vendor, "operation", operation, "share", share)
                .register(registry).record(waited);
    }

    /** The bulkhead's gauges: its size, its free slots and the attempts waiting, read when scraped. */
    void bulkhead(int max, IntSupplier available, IntSupplier waiting) {
        Gauge.builder(BULKHEAD_MAX, () -> max).description("Attempts the bulkhead lets through at once")
                .tags("vendor", vendor).register(registry);
        Gauge.builder(BULKHEAD_AVAILABLE, available::getAsInt).description("Free bulkhead slots")
                .tags("vendor", vendor).register(registry);
        Gauge.builder(BULKHEAD_WAITING, waiting::getAsInt).description("Attempts waiting for a bulkhead slot")
                .tags("vendor", vendor).register(registry);
    }

    void bulkheadWait(String operation, Duration waited) {
        Timer.builder(BULKHEAD_WAITS).description("Each attempt's wait for its bulkhead slot, 0 when one was free")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).record(waited);
    }

    void bulkheadRefused(String operation) {
        Counter.builder(BULKHEAD_REFUSALS).description("Attempts not sent: no bulkhead slot within bulkhead-max-wait")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).increment();
    }

    void retryAfterHonoured(String operation) {
        Counter.builder(RETRY_AFTER).description("Retries that waited for the vendor's Retry-After")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).increment();
    }

    void throttled() {
        Counter.builder(THROTTLED).description("Answers that told every caller to wait (429, Retry-After, blocked token)")
                .tags("vendor", vendor)
                .register(registry).increment();
    }

    void throttleWait(String operation, Duration waited) {
        Timer.builder(THROTTLE_WAITS).description("Calls held until the wait the vendor asked for had passed")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).record(waited);
    }
}
