package com.crossdock.platform.vendor;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The rate limiters one attempt takes a permit of, in turn: a share's, then the vendor's. Waiting does not
 * block a thread. Resilience4j's RateLimiterOperator does the same for one limiter but hides how long a call
 * waited, which {@code crossdock.vendor.ratelimit.waits} reports, tagged with the share.
 */
final class RateLimits {

    private final List<RateLimiter> limiters;
    private final String share;
    private final VendorMetrics metrics;

    RateLimits(List<RateLimiter> limiters, String share, VendorMetrics metrics) {
        this.limiters = List.copyOf(limiters);
        this.share = share;
        this.metrics = metrics;
    }

    /** These limits with {@code limiter} taken first: the limits of a share of this budget. */
    RateLimits sharedBy(String shareName, RateLimiter limiter) {
        List<RateLimiter> both = new ArrayList<>(limiters);
        both.add(0, limiter);
        return new RateLimits(both, shareName, metrics);
    }

    /** {@code source}, once every limiter has granted a permit. */
    <T> Mono<T> withPermits(String operation, Mono<T> source) {
        if (limiters.isEmpty()) {
            return source;
        }
        Mono<Duration> waited = Mono.just(Duration.ZERO);
        for (RateLimiter limiter : limiters) {
            waited = waited.flatMap(before -> permit(limiter).map(before::plus));
        }
        return waited.flatMap(total -> {
            if (!total.isZero()) {
                metrics.rateLimitWait(operation, share, total);
            }
            return source;
        });
    }

    private static Mono<Duration> permit(RateLimiter limiter) {
        return Mono.defer(() -> {
            long waitNanos = limiter.reservePermission();
            if (waitNanos < 0) {
                return Mono.error(RequestNotPermitted.createRequestNotPermitted(limiter));
            }
            Duration wait = Duration.ofNanos(waitNanos);
            return waitNanos == 0 ? Mono.just(wait) : Mono.delay(wait).thenReturn(wait);
        });
    }
}
