package com.crossdock.sandbox.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's request limit as a sliding window per credential (a company, a token): at most {@code limit}
 * requests in any {@code period}. The strictest reading of "N requests per minute", so a client that passes
 * here passes a fixed-window server too. A refused request is not counted; it is told the wait until a slot
 * frees up. Time comes from the clock given, so tests move it instead of waiting.
 */
public final class SlidingWindowLimit {

    private final Clock clock;
    private final int configuredLimit;
    private final Duration configuredPeriod;
    private final Map<String, Deque<Instant>> admitted = new HashMap<>();
    private int limit;
    private Duration period;
    private long admittedTotal;
    private long throttledTotal;
    private Instant firstAdmitted;
    private Instant lastAdmitted;
    private int peak;

    public SlidingWindowLimit(Clock clock, int limit, Duration period) {
        this.clock = clock;
        this.configuredLimit = limit;
        this.configuredPeriod = period;
        this.limit = limit;
        this.period = period;
    }

    /** Empty when the credential's request may go on (and is counted); otherwise the refusal, with the wait until a slot frees up. */
    public synchronized Optional<Throttled> admit(String credential) {
        Instant now = clock.instant();
        Deque<Instant> window = admitted.computeIfAbsent(credential, key -> new ArrayDeque<>());
        Instant windowStart = now.minus(period);
        while (!window.isEmpty() && !window.peekFirst().isAfter(windowStart)) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            throttledTotal++;
            Instant freeAt = window.peekFirst().plus(period);
            return Optional.of(new Throttled(credential, Duration.between(now, freeAt), freeAt, setting()));
        }
        window.addLast(now);
        admittedTotal++;
        if (firstAdmitted == null) {
            firstAdmitted = now;
        }
        lastAdmitted = now;
        peak = Math.max(peak, window.size());
        return Optional.empty();
    }

    /** Changes the limit (e.g. raised for a benchmark run); the windows so far are kept. */
    public synchronized void configure(int newLimit, Duration newPeriod) {
        this.limit = newLimit;
        this.period = newPeriod;
    }

    public synchronized RateLimitSetting setting() {
        return new RateLimitSetting(limit, period);
    }

    /**
     * The counters a vendor's {@code _sandbox/state} shows: {@code requestsAdmitted}, {@code requestsThrottled},
     * {@code peakRequestsInWindow} (the most any one credential's window held: how close a client came),
     * {@code firstAdmittedAt}/{@code lastAdmittedAt} (once any was admitted) and the {@code rateLimit} in force.
     */
    public synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("requestsAdmitted", admittedTotal);
        state.put("requestsThrottled", throttledTotal);
        state.put("peakRequestsInWindow", peak);
        if (firstAdmitted != null) {
            state.put("firstAdmittedAt", firstAdmitted.toString());
            state.put("lastAdmittedAt", lastAdmitted.toString());
        }
        state.put("rateLimit", setting());
        return state;
    }

    /** Back to the configured limit, empty windows, zero counters. */
    public synchronized void reset() {
        admitted.clear();
        limit = configuredLimit;
        period = configuredPeriod;
        admittedTotal = 0;
        throttledTotal = 0;
        firstAdmitted = null;
        lastAdmitted = null;
        peak = 0;
    }
}
