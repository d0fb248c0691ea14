package com.crossdock.platform.vendor;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Resilience4j parts of each vendor policy from its properties, in registries bound to
 * Micrometer so that breaker state, retries and limiter permits reach Prometheus
 * (tag {@code name=<vendor>}, and {@code name=<vendor>.<share>} for a share's limiter), and its
 * {@link VendorBulkhead} (meters {@code crossdock.vendor.bulkhead.*{vendor}}).
 */
final class VendorPolicyFactory {

    private static final Logger log = LoggerFactory.getLogger(VendorPolicyFactory.class);

    private final MeterRegistry meterRegistry;
    private final Clock clock;
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
    private final TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();

    VendorPolicyFactory(MeterRegistry meterRegistry, Clock clock) {
        this.meterRegistry = meterRegistry;
        this.clock = clock;
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meterRegistry);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meterRegistry);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(meterRegistry);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meterRegistry);
    }

    VendorPolicy create(String name, VendorProperties properties) {
        VendorMetrics metrics = new VendorMetrics(meterRegistry, name);
        VendorPolicy.Resilience resilience = new VendorPolicy.Resilience(
                retry(name, properties, metrics, false),
                retry(name + ".destructive", properties, metrics, true),
                circuitBreaker(name, properties.circuitBreaker()),
                properties.rateLimited() ? rateLimiter(name, properties.rateLimitPermits(),
                        properties.rateLimitPeriod(), properties.rateLimitMaxWait()) : null,
                properties.bulkheaded() ? new VendorBulkhead(name, properties.maxConcurrentCalls(),
                        properties.bulkheadMaxWait(), metrics) : null,
                timeLimiters.timeLimiter(name, TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeout())
                        .build()),
                // a 429 that names no wait holds the other calls as long as the first retry would wait
                new ThrottleGate(name, clock, properties.retry().initialInterval(), properties.maxRetryAfter(), metrics),
                shareLimiters(name, properties.shares()));
        log.info("Vendor policy {}: timeout {}, retry {}, {} permits per {} (wait up to {}), {} concurrent calls, "
                        + "shares {}", name, properties.timeout(), properties.retry(), properties.rateLimitPermits(),
                properties.rateLimitPeriod(), properties.rateLimitMaxWait(), properties.maxConcurrentCalls(),
                properties.shares());
        return new VendorPolicy(name, resilience, metrics, new VendorResponses(name, clock));
    }

    /** Each share's limiter, named {@code <vendor>.<share>} in Resilience4j's meters. */
    private Map<String, RateLimiter> shareLimiters(String name, Map<String, VendorProperties.ShareProperties> shares) {
        Map<String, RateLimiter> limiters = new TreeMap<>();
        shares.forEach((share, settings) -> {
            if (settings.rateLimitPermits() == null || settings.rateLimitPermits() < 1) {
                throw new IllegalArgumentException("crossdock.vendors." + name + ".shares." + share
                        + ".rate-limit-permits must be 1 or more, not " + settings.rateLimitPermits());
            }
            limiters.put(share, rateLimiter(name + "." + share, settings.rateLimitPermits(), settings.period(),
                    settings.maxWait()));
        });
        return limiters;
    }

    private RateLimiter rateLimiter(String name, int permits, Duration period, Duration maxWait) {
        return rateLimiters.rateLimiter(name, RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(maxWait)
                .build());
    }

    /**
     * The retry waits the shared {@link com.crossdock.platform.retry.Backoff} (jitter included), or the
     * vendor's Retry-After when that is longer (Prodsmart asks to wait it, 429 docs). A destructive call's retry
     * ({@link VendorPolicy#destructive()}) repeats only what provably never reached the vendor.
     */
    private Retry retry(String name, VendorProperties properties, VendorMetrics metrics, boolean destructive) {
        IntervalFunction backoff = properties.retry().toIntervalFunction();
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            long wait = backoff.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof VendorCallException failure
                    && failure.retryAfter().isPresent()) {
                metrics.retryAfterHonoured(failure.operation());
                wait = Math.max(wait, failure.retryAfter().get().toMillis());
            }
            return wait;
        };
        int maxAttempts = properties.retry().maxAttempts();
        Retry retry = retries.retry(name, RetryConfig.custom()
                // Backoff's 0 is "no limit"
                .maxAttempts(maxAttempts == 0 ? Integer.MAX_VALUE : maxAttempts)
                .intervalBiFunction(interval)
                .retryOnException(failure -> Failures.isRetryable(failure, properties.maxRetryAfter())
                        && !(destructive && Failures.mayHaveBeenServed(failure)))
                .build());
        retry.getEventPublisher().onRetry(event -> log.info("Vendor {} attempt {} failed ({}), retrying in {}",
                name, event.getNumberOfRetryAttempts(), Failures.describe(event.getLastThrowable()),
                event.getWaitInterval()));
        return retry;
    }

    private CircuitBreaker circuitBreaker(String name, VendorProperties.CircuitBreakerProperties properties) {
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
                // half-open after the wait even when no call comes: a listener paused while the breaker is open
                // (BreakerPause) resumes on that transition
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // a 4xx is a healthy vendor's answer: only transient failures speak of its health
                .recordException(Failures::isTransient)
                // waiting for our own limiter or bulkhead says nothing about the vendor
                .ignoreExceptions(RequestNotPermitted.class, VendorBulkhead.BulkheadFullException.class)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event -> log.warn("Vendor {} circuit breaker {}",
                name, event.getStateTransition()));
        return circuitBreaker;
    }
}
