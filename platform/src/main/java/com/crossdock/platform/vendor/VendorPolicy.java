package com.crossdock.platform.vendor;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The call policy of one vendor credential; the order of its parts is explained in
 * {@code package-info.java}. Obtain one from {@link VendorPolicies#forVendor(String)}.
 * The {@code operation} names a kind of call ({@code getOrders}) and tags the metrics: keep it constant.
 */
public final class VendorPolicy {

    private final String name;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final VendorMetrics metrics;
    private final VendorResponses responses;

    VendorPolicy(String name, Resilience resilience, VendorMetrics metrics, VendorResponses responses) {
        this.name = name;
        this.retry = resilience.retry();
        this.circuitBreaker = resilience.circuitBreaker();
        this.rateLimiter = resilience.rateLimiter();
        this.bulkhead = resilience.bulkhead();
        this.timeLimiter = resilience.timeLimiter();
        this.metrics = metrics;
        this.responses = responses;
    }

    /** The parts of one policy; {@code rateLimiter} and {@code bulkhead} are null when not configured. */
    record Resilience(Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter, Bulkhead bulkhead,
            TimeLimiter timeLimiter) {
    }

    public String name() {
        return name;
    }

    /**
     * Runs {@code call} under the policy. The supplier is invoked once per attempt, so each attempt
     * sends a fresh request. Failures concerning the vendor end as {@link VendorCallException}.
     */
    public <T> Mono<T> call(String operation, Supplier<? extends Mono<T>> call) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicInteger attempts = new AtomicInteger();
            return Mono.defer(() -> {
                        if (attempts.incrementAndGet() > 1) {
                            metrics.retry(operation);
                        }
                        return attempt(operation, call);
                    })
                    .transform(RetryOperator.of(retry))
                    .onErrorMap(failure -> Failures.toVendorFailure(name, operation, failure))
                    .doOnSuccess(value -> metrics.call(operation, VendorCallOutcome.SUCCESS.tag(),
                            System.nanoTime() - start))
                    .doOnError(failure -> metrics.call(operation, Failures.outcomeTag(failure),
                            System.nanoTime() - start));
        });
    }

    /**
     * Sends {@code request} under the policy and decodes a 2xx body as {@code type}; any other status
     * fails with the vendor's status, body and selected headers. Give the request a body that can be
     * written again on a retry ({@code bodyValue}, a form inserter), never a one-shot publisher.
     */
    public <T> Mono<T> exchange(String operation, WebClient.RequestHeadersSpec<?> request, Class<T> type) {
        return exchange(operation, request, type, BodyFailureClassifier.none());
    }

    /** As {@link #exchange(String, WebClient.RequestHeadersSpec, Class)}, and {@code classifier} judges 2xx bodies. */
    public <T> Mono<T> exchange(String operation, WebClient.RequestHeadersSpec<?> request, Class<T> type,
            BodyFailureClassifier<? super T> classifier) {
        return send(operation, request, response -> response.bodyToMono(type), classifier::classify);
    }

    /** As {@link #exchange(String, WebClient.RequestHeadersSpec, Class, BodyFailureClassifier)}, for generic types. */
    public <T> Mono<T> exchange(String operation, WebClient.RequestHeadersSpec<?> request,
            ParameterizedTypeReference<T> type, BodyFailureClassifier<? super T> classifier) {
        return send(operation, request, response -> response.bodyToMono(type), classifier::classify);
    }

    /**
     * As {@link #exchange(String, WebClient.RequestHeadersSpec, Class, BodyFailureClassifier)}, keeping
     * the answer's status and headers (Inter Cars lists dropped SKUs in a header; BusMarket sends its quota).
     */
    public <T> Mono<ResponseEntity<T>> exchangeForEntity(String operation, WebClient.RequestHeadersSpec<?> request,
            Class<T> type, BodyFailureClassifier<? super T> classifier) {
        return send(operation, request, response -> response.toEntity(type),
                entity -> entity.hasBody() ? classifier.classify(entity.getBody()) : Optional.empty());
    }

    private <R> Mono<R> send(String operation, WebClient.RequestHeadersSpec<?> request,
            Function<ClientResponse, Mono<R>> decoder, Function<? super R, Optional<BodyFailure>> judge) {
        return call(operation, () -> request.exchangeToMono(response ->
                responses.read(operation, response, decoder, judge)));
    }

    private <T> Mono<T> attempt(String operation, Supplier<? extends Mono<T>> call) {
        Mono<T> timed = Mono.<T>defer(call).transform(TimeLimiterOperator.of(timeLimiter));
        // Resilience4j's bulkhead waits for a slot by blocking the subscribing thread: never an event loop.
        Mono<T> isolated = bulkhead == null ? timed
                : timed.transform(BulkheadOperator.of(bulkhead)).subscribeOn(Schedulers.boundedElastic());
        return withPermit(operation, isolated).transform(CircuitBreakerOperator.of(circuitBreaker));
    }

    /**
     * Waits for a rate-limit permit without blocking. Resilience4j's RateLimiterOperator does the same
     * but hides how long a call waited, which {@code crossdock.vendor.ratelimit.waits} reports.
     */
    private <T> Mono<T> withPermit(String operation, Mono<T> source) {
        if (rateLimiter == null) {
            return source;
        }
        return Mono.defer(() -> {
            long waitNanos = rateLimiter.reservePermission();
            if (waitNanos < 0) {
                return Mono.error(RequestNotPermitted.createRequestNotPermitted(rateLimiter));
            }
            if (waitNanos == 0) {
                return source;
            }
            Duration wait = Duration.ofNanos(waitNanos);
            metrics.rateLimitWait(operation, wait);
            return Mono.delay(wait).then(source);
        });
    }
}
