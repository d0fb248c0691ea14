package com.crossdock.sandbox.suppliers.busmarket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BusMarket's quota as its {@code X-RateLimit-*} headers tell it (VENDORS.md "BusMarket"): a fixed window of
 * {@code limit} requests, {@code X-RateLimit-Remaining} of them left, {@code X-RateLimit-Reset} seconds until the
 * window starts again; past it, 429 with {@code Retry-After}. The headers' semantics (a fixed window, the reset in
 * seconds) are the sandbox's choice: the document names only the headers.
 */
final class BusMarketQuota {

    /** One request's place in the window: refused when {@code remaining} was already 0. */
    record Take(boolean admitted, int limit, int remaining, long resetSeconds) {
    }

    private final Clock clock;
    private int limit;
    private Duration period;
    private Instant windowStart;
    private int used;
    private long refused;

    BusMarketQuota(Clock clock, int limit, Duration period) {
        this.clock = clock;
        this.limit = limit;
        this.period = period;
    }

    synchronized Take take() {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(period))) {
            windowStart = now;
            used = 0;
        }
        long reset = Math.max(1, (long) Math.ceil(Duration.between(now, windowStart.plus(period)).toMillis() / 1000.0));
        if (used >= limit) {
            refused++;
            return new Take(false, limit, 0, reset);
        }
        used++;
        return new Take(true, limit, limit - used, reset);
    }

    synchronized void configure(int newLimit, Duration newPeriod) {
        limit = newLimit;
        period = newPeriod;
        windowStart = null;
    }

    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("quotaLimit", limit);
        state.put("quotaUsed", used);
        state.put("quotaRefused", refused);
        return state;
    }

    synchronized void reset(int configuredLimit, Duration configuredPeriod) {
        configure(configuredLimit, configuredPeriod);
        refused = 0;
    }
}
