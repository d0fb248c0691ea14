package com.crossdock.platform.vendor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The vendor-call meters of DESIGN.md "Calling vendors", per vendor and operation. Resilience4j's own
 * meters (breaker state, retry and limiter counts) are bound separately, tagged {@code name=<vendor>}.
 * The operation must be a constant name ({@code getOrders}), never an id, to keep the series few.
 */
final class VendorMetrics {

    static final String CALLS = "crossdock.vendor.calls";
    static final String CALL_DURATION = "crossdock.vendor.call.duration";
    static final String RETRIES = "crossdock.vendor.retries";
    static final String RATE_LIMIT_WAITS = "crossdock.vendor.ratelimit.waits";
    static final String RETRY_AFTER = "crossdock.vendor.retry_after";
    /** Outcome of a call that ended in an exception that is not a vendor's answer (a bug, a cancelled decode). */
    static final String UNEXPECTED = "error";

    private final MeterRegistry registry;
    private final String vendor;

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

    void retry(String operation) {
        Counter.builder(RETRIES).description("Vendor call attempts after the first")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).increment();
    }

    void rateLimitWait(String operation, Duration waited) {
        Timer.builder(RATE_LIMIT_WAITS).description("Calls that waited for a rate-limit permit, and how long")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).record(waited);
    }

    void retryAfterHonoured(String operation) {
        Counter.builder(RETRY_AFTER).description("Retries that waited for the vendor's Retry-After")
                .tags("vendor", vendor, "operation", operation)
                .register(registry).increment();
    }
}
