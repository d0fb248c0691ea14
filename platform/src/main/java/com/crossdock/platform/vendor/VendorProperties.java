package com.crossdock.platform.vendor;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.util.unit.DataSize;

/**
 * One vendor credential, bound from {@code crossdock.vendors.<name>.*}: where its API is, how its requests
 * authenticate, and the call policy every request of that credential goes through.
 *
 * <p>Every setting may be left out. What an entry leaves out comes, field by field, from the entry its
 * {@code base-config} names, else from {@code crossdock.vendors.defaults}, else from the built-in default
 * named below: the way Resilience4j's {@code baseConfig} and {@code configs.default} work. An entry
 * overrides only what it names; nested settings ({@code retry}, {@code auth}, {@code circuit-breaker},
 * each share) merge field by field too.
 *
 * @param baseConfig         another entry of {@code crossdock.vendors} this one inherits from, instead of
 *                           {@code defaults} (a second credential of the same vendor names the first)
 * @param baseUrl            the root of the vendor's API; paths of the calls are relative to it
 * @param auth               how requests authenticate (default: not at all)
 * @param maxInMemorySize    the largest answer a call may decode (default: Boot's
 *                           {@code spring.http.codecs.max-in-memory-size})
 * @param timeout            one attempt's limit, the HTTP exchange only (default 30s)
 * @param retry              the retry of transient failures: {@code max-attempts} (default 3, the first call
 *                           included), {@code initial-interval} (500ms), {@code multiplier} (2.0),
 *                           {@code max-interval} (30s), {@code jitter} (0.5)
 * @param maxRetryAfter      a wait the vendor asks for ({@code Retry-After}, a blocked token) longer than this
 *                           is not waited out in memory: the call fails as transient and carries the wait
 *                           (default 2m)
 * @param rateLimitPermits   calls allowed per {@code rateLimitPeriod}; 0 = no limiter (default 0)
 * @param rateLimitPeriod    the period of the limiter (default 1m: vendors publish per-minute limits)
 * @param rateLimitMaxWait   how long a call may wait for a permit before it is rejected (default: one
 *                           {@code rateLimitPeriod})
 * @param maxConcurrentCalls calls in flight at once; 0 = no bulkhead (default 0)
 * @param bulkheadMaxWait    how long a call may wait for a free slot (default: {@code timeout})
 * @param circuitBreaker     the breaker's settings
 * @param shares             named shares of this credential's budget ({@code shares.reconciliation.*}): a
 *                           share's calls take a permit of the share's limiter and of this one
 */
public record VendorProperties(
        String baseConfig,
        URI baseUrl,
        AuthProperties auth,
        DataSize maxInMemorySize,
        Duration timeout,
        Backoff retry,
        Duration maxRetryAfter,
        Integer rateLimitPermits,
        Duration rateLimitPeriod,
        Duration rateLimitMaxWait,
        Integer maxConcurrentCalls,
        Duration bulkheadMaxWait,
        CircuitBreakerProperties circuitBreaker,
        Map<String, ShareProperties> shares) {

    /** Nothing set. */
    static final VendorProperties UNSET = new VendorProperties(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** The built-in defaults, below {@code crossdock.vendors.defaults}. */
    static final VendorProperties BUILT_IN = new VendorProperties(null, null, AuthProperties.NONE, null,
            Duration.ofSeconds(30), new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), 0.5, 3),
            Duration.ofMinutes(2), 0, Duration.ofMinutes(1), null, 0, null, CircuitBreakerProperties.BUILT_IN, null);

    public VendorProperties {
        shares = shares == null ? Map.of() : Map.copyOf(shares);
    }

    /** The settings of a vendor that has no entry and inherits nothing but the built-in defaults. */
    public static VendorProperties defaults() {
        return BUILT_IN.complete();
    }

    /** This entry, with what it leaves out taken from {@code base}, field by field. */
    VendorProperties orElse(VendorProperties base) {
        Map<String, ShareProperties> mergedShares = new LinkedHashMap<>(base.shares());
        shares.forEach((name, share) -> mergedShares.merge(name, share, (inherited, own) -> own.orElse(inherited)));
        return new VendorProperties(baseConfig, first(baseUrl, base.baseUrl()),
                auth == null ? base.auth() : auth.orElse(base.auth()),
                first(maxInMemorySize, base.maxInMemorySize()), first(timeout, base.timeout()),
                retry == null ? base.retry() : retry.orElse(base.retry()),
                first(maxRetryAfter, base.maxRetryAfter()), first(rateLimitPermits, base.rateLimitPermits()),
                first(rateLimitPeriod, base.rateLimitPeriod()), first(rateLimitMaxWait, base.rateLimitMaxWait()),
                first(maxConcurrentCalls, base.maxConcurrentCalls()), first(bulkheadMaxWait, base.bulkheadMaxWait()),
                circuitBreaker == null ? base.circuitBreaker() : circuitBreaker.orElse(base.circuitBreaker()),
                mergedShares);
    }

    /** Fills the defaults that follow from other settings, once every entry has been merged. */
    VendorProperties complete() {
        return new VendorProperties(baseConfig, baseUrl, auth, maxInMemorySize, timeout, retry.validated(),
                maxRetryAfter, rateLimitPermits, rateLimitPeriod, first(rateLimitMaxWait, rateLimitPeriod),
                maxConcurrentCalls, first(bulkheadMaxWait, timeout), circuitBreaker, shares);
    }

    boolean rateLimited() {
        return rateLimitPermits > 0;
    }

    boolean bulkheaded() {
        return maxConcurrentCalls > 0;
    }

    static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
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

        static final CircuitBreakerProperties BUILT_IN = new CircuitBreakerProperties(50f, 20, 10,
                Duration.ofSeconds(30), 3);

        CircuitBreakerProperties orElse(CircuitBreakerProperties base) {
            return new CircuitBreakerProperties(first(failureRateThreshold, base.failureRateThreshold()),
                    first(slidingWindowSize, base.slidingWindowSize()),
                    first(minimumNumberOfCalls, base.minimumNumberOfCalls()),
                    first(waitInOpenState, base.waitInOpenState()),
                    first(permittedCallsInHalfOpenState, base.permittedCallsInHalfOpenState()));
        }
    }

    /**
     * A named share of the credential's request budget, e.g. reconciliation's, so that a bulk job never
     * takes what the live feed needs. Obtained with {@link VendorPolicy#share(String)}.
     *
     * @param rateLimitPermits calls the share may make per {@code rateLimitPeriod} (required, above 0)
     * @param rateLimitPeriod  the period of the share's limiter (default 1m)
     * @param rateLimitMaxWait how long a call may wait for the share's permit (default: one {@code rateLimitPeriod})
     */
    public record ShareProperties(Integer rateLimitPermits, Duration rateLimitPeriod, Duration rateLimitMaxWait) {

        ShareProperties orElse(ShareProperties base) {
            return new ShareProperties(first(rateLimitPermits, base.rateLimitPermits()),
                    first(rateLimitPeriod, base.rateLimitPeriod()), first(rateLimitMaxWait, base.rateLimitMaxWait()));
        }

        Duration period() {
            return Objects.requireNonNullElse(rateLimitPeriod, Duration.ofMinutes(1));
        }

        Duration maxWait() {
            return Objects.requireNonNullElse(rateLimitMaxWait, period());
        }
    }
}
