package com.crossdock.sandbox.prodsmart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.crossdock.sandbox.Resettable;

/**
 * Prodsmart's per-company limit ("120 żądań na minutę na firmę"), as a sliding window: the strictest
 * reading of the document, so a client that passes here passes a fixed-window server too. A refused
 * request is not counted; it gets the seconds until a slot frees up ({@code Retry-After: <delay-seconds>}).
 */
class ProdsmartRateLimit implements Resettable {

    private final Clock clock;
    private final Deque<Instant> admitted = new ArrayDeque<>();
    private final AtomicLong admittedTotal = new AtomicLong();
    private final AtomicLong throttledTotal = new AtomicLong();
    private final int configuredLimit;
    private final Duration configuredPeriod;
    private volatile int limit;
    private volatile Duration period;
    private Instant firstAdmitted;
    private Instant lastAdmitted;
    private int peak;

    ProdsmartRateLimit(Clock clock, int limit, Duration period) {
        this.clock = clock;
        this.configuredLimit = limit;
        this.configuredPeriod = period;
        this.limit = limit;
        this.period = period;
    }

    /** Empty when the request may go on; otherwise the wait to ask for. */
    synchronized Optional<Duration> admit() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(period);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(windowStart)) {
            admitted.pollFirst();
        }
        if (admitted.size() >= limit) {
            throttledTotal.incrementAndGet();
            Duration wait = Duration.between(now, admitted.peekFirst().plus(period));
            return Optional.of(wait);
        }
        admitted.addLast(now);
        admittedTotal.incrementAndGet();
        if (firstAdmitted == null) {
            firstAdmitted = now;
        }
        lastAdmitted = now;
        peak = Math.max(peak, admitted.size());
        return Optional.empty();
    }

    /** Changes the limit, e.g. raised for a benchmark run; the window so far is kept. */
    synchronized void configure(int newLimit, Duration newPeriod) {
        this.limit = newLimit;
        this.period = newPeriod;
    }

    int limit() {
        return limit;
    }

    Duration period() {
        return period;
    }

    /** When the first and the last request since the last reset were admitted. */
    record Span(Instant first, Instant last) {
    }

    /** The admitted requests' span since the last reset; empty before any. */
    synchronized Optional<Span> admittedSpan() {
        return firstAdmitted == null ? Optional.empty() : Optional.of(new Span(firstAdmitted, lastAdmitted));
    }

    /** The most requests any one window has held since the last reset (how close a client came to the limit). */
    synchronized int peakInWindow() {
        return peak;
    }

    long admittedTotal() {
        return admittedTotal.get();
    }

    long throttledTotal() {
        return throttledTotal.get();
    }

    @Override
    public synchronized void reset() {
        admitted.clear();
        limit = configuredLimit;
        period = configuredPeriod;
        admittedTotal.set(0);
        throttledTotal.set(0);
        firstAdmitted = null;
        lastAdmitted = null;
        peak = 0;
    }
}
