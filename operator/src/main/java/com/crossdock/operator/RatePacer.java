package com.crossdock.operator;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends evenly at a given rate. A schedule (start + n / rate) rather than a token bucket, so the
 * achieved rate over a run is the asked one without bursts; 0 or less means unthrottled.
 */
final class RatePacer {

    private final long intervalNanos;
    private long next;

    RatePacer(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, Math.round(1_000_000_000d / perSecond));
    }

    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next == 0) {
            next = now;
        }
        for (long wait = next - now; wait > 0; wait = next - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        next += intervalNanos;
    }
}
