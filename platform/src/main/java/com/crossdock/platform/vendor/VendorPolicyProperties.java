package com.crossdock.platform.vendor;

import java.time.Duration;
import java.util.Objects;

/**
 * The call policy of one vendor credential, bound from {@code crossdock.vendors.<name>.*}.
 * Every setting is optional; an absent one takes the default named on its accessor, and a vendor
 * with no entry at all gets {@link #defaults()}.
 *
 * @param timeout              one attempt's limit, the HTTP exchange only (default 30s)
 * @param maxAttempts          attempts including the first call (default 3)
 * @param initialBackoff       wait before the first retry (default 500ms)
 * @param backoffMultiplier    growth of the wait per retry (default 2.0)
 * @param maxBackoff           cap of the exponential wait (default 30s)
 * @param jitter               randomization factor in [0, 1) applied to each wait (default 0.5)
 * @param maxRetryAfter        a vendor {@code Retry-After} longer than this is not waited for in
 *                             memory: the call fails as transient and carries the wait (default 2m)
 * @param rateLimitPermits     calls allowed per {@code rateLimitPeriod}; 0 = no limiter (default 0)
 * @param rateLimitPeriod      the period of the limiter (default 1m: vendors publish per-minute limits)
 * @param rateLimitMaxWait     how long a call may wait for a permit before it is rejected
 *                             (default: one {@code rateLimitPeriod})
 * @param maxConcurrentCalls   calls in flight at once; 0 = no bulkhead (default 0)
 * @param bulkheadMaxWait      how long a call may wait for a free slot (default: {@code timeout})
 * @param circuitBreaker       the breaker's settings
 */
public record VendorPolicyProperties(
        Duration timeout,
        Integer maxAttempts,
        Duration initialBackoff,
        Double backoffMultiplier,
        Duration maxBackoff,
        Double jitter,
        Duration maxRetryAfter,
        Integer rateLimitPermits,
        Duration rateLimitPeriod,
        Duration rateLimitMaxWait,
        Integer maxConcurrentCalls,
        Duration bulkheadMaxWait,
        CircuitBreakerProperties circuitBreaker) {

    public VendorPolicyProperties {
        timeout = Objects.requireNonNullElse(timeout, Duration.ofSeconds(30));
        maxAttempts = Objects.requireNonNullElse(maxAttempts, 3);
        initialBackoff = Objects.requireNonNullElse(initialBackoff, Duration.ofMillis(500));
        backoffMultiplier = Objects.requireNonNullElse(backoffMultiplier, 2.0);
        maxBackoff = Objects.requireNonNullElse(maxBackoff, Duration.ofSeconds(30));
        jitter = Objects.requireNonNullElse(jitter, 0.5);
        maxRetryAfter = Objects.requireNonNullElse(maxRetryAfter, Duration.ofMinutes(2));
        rateLimitPermits = Objects.requireNonNullElse(rateLimitPermits, 0);
        rateLimitPeriod = Objects.requireNonNullElse(rateLimitPeriod, Duration.ofMinutes(1));
        rateLimitMaxWait = Objects.requireNonNullElse(rateLimitMaxWait, rateLimitPeriod);
        maxConcurrentCalls = Objects.requireNonNullElse(maxConcurrentCalls, 0);
        bulkheadMaxWait = Objects.requireNonNullElse(bulkheadMaxWait, timeout);
        circuitBreaker = Objects.requireNonNullElseGet(circuitBreaker,
                () -> new CircuitBreakerProperties(null, null, null, null, null));
    }

    /** The policy of a vendor that has no entry of its own. */
    public static VendorPolicyProperties defaults() {
        return new VendorPolicyProperties(null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    boolean rateLimited() {
        return rateLimitPermits > 0;
    }

    boolean bulkheaded() {
        return maxConcurrentCalls > 0;
    }

    /**
     * The breaker counts only transient failures (5xx, 429, 408, I/O, timeouts): a 4xx answer shows a
     * healthy vendor refusing one request, not a vendor in trouble.
     *
     * @param failureRateThreshold          percentage of failed calls that opens the breaker (default 50)
     * @param slidingWindowSize             calls in the count-based window (default 20)
     * @param minimumNumberOfCalls          calls needed before the rate is judged (default 10)
     * @param waitInOpenState               how long the breaker stays open (default 30s)
     * @param permittedCallsInHalfOpenState trial calls after the wait (default 3)
     */
    public record CircuitBreakerProperties(
            Float failureRateThreshold,
            Integer slidingWindowSize,
            Integer minimumNumberOfCalls,
            Duration waitInOpenState,
            Integer permittedCallsInHalfOpenState) {

        public CircuitBreakerProperties {
            failureRateThreshold = Objects.requireNonNullElse(failureRateThreshold, 50f);
            slidingWindowSize = Objects.requireNonNullElse(slidingWindowSize, 20);
            minimumNumberOfCalls = Objects.requireNonNullElse(minimumNumberOfCalls, 10);
            waitInOpenState = Objects.requireNonNullElse(waitInOpenState, Duration.ofSeconds(30));
            permittedCallsInHalfOpenState = Objects.requireNonNullElse(permittedCallsInHalfOpenState, 3);
        }
    }
}
