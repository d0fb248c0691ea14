package com.crossdock.platform.vendor;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The call policy of one vendor credential, or of a named share of its budget; the order of its parts is
 * explained in {@code package-info.java}. Obtain one from {@link VendorPolicies#forVendor(String)}, a share
 * from {@link #share(String)}. The {@code operation} names a kind of call ({@code getOrders}) and tags the
 * metrics: keep it constant.
 */
public final class VendorPolicy {

    private final String name;
    private final String share;
    private final Resilience resilience;
    private final RateLimits rateLimits;
    private final VendorMetrics metrics;
    private final VendorResponses responses;
    private final Map<String, VendorPolicy> shares;
    private final Retry retry;

    VendorPolicy(String name, Resilience resilience, VendorMetrics metrics, VendorResponses responses) {
        this(name, VendorMetrics.NO_SHARE, resilience, new RateLimits(resilience.rateLimiter() == null ? List.of()
                : List.of(resilience.rateLimiter()), VendorMetrics.NO_SHARE, metrics), metrics, responses, null,
                resilience.retry());
    }

    private VendorPolicy(String name, String share, Resilience resilience, RateLimits rateLimits,
            VendorMetrics metrics, VendorResponses responses, Map<String, VendorPolicy> shares, Retry retry) {
        this.name = name;
        this.share = share;
        this.resilience = resilience;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
        this.responses = responses;
        this.retry = retry;
        // a share's calls take the share's permit first, then the vendor's: the rest of the budget stays free
        this.shares = shares != null ? shares : !VendorMetrics.NO_SHARE.equals(share) ? Map.of()
                : resilience.shareLimiters().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> new VendorPolicy(name, entry.getKey(), resilience,
                                rateLimits.sharedBy(entry.getKey(), entry.getValue()), metrics, responses, null,
                                resilience.retry())));
    }

    /**
     * The parts of one policy; {@code rateLimiter} and {@code bulkhead} are null when not configured. The
     * gate, breaker, bulkhead and vendor limiter are the credential's, shared by its shares.
     * {@code destructiveRetry} is the retry of {@link #destructive()} calls: it repeats only an attempt that
     * provably did not reach the vendor.
     */
    record Resilience(Retry retry, Retry destructiveRetry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter,
            VendorBulkhead bulkhead, TimeLimiter timeLimiter, ThrottleGate gate, Map<String, RateLimiter> shareLimiters) {
    }

    /**
     * This policy for a destructive call: a read that the vendor answers once and then forgets (Prodsmart's change
     * feed removes what it returns, prodsmart-api.pl.txt "Pobieranie zmian"). Its retry repeats an attempt only
     * when it provably never reached the vendor (a refused connection, a 429, the policy's own rejection); an
     * attempt that may have been served (a timeout, a connection lost after sending, a 5xx) ends the call, and
     * {@link VendorCallException#mayHaveBeenServed()} tells the caller that its answer may be lost. Everything
     * else (permits, breaker, gate, bulkhead, timeout, shares) is this policy's.
     */
    public VendorPolicy destructive() {
        if (retry == resilience.destructiveRetry()) {
            return this;
        }
        return new VendorPolicy(name, share, resilience, rateLimits, metrics, responses, shares,
                resilience.destructiveRetry());
    }

    /** The credential's circuit breaker (shared by its shares): its state, and its transitions to listen to. */
    public CircuitBreaker circuitBreaker() {
        return resilience.circuitBreaker();
    }

    public String name() {
        return name;
    }

    /**
     * Runs {@code listener} for every request sent under the credential, as {@code crossdock.vendor.requests} counts
     * them: every attempt of every call, token requests included, through the whole budget or any share of it. For
     * a module's own view of the budget (the poller's budget gauge); keep it quick, it runs as the request goes out.
     */
    public void onRequest(Runnable listener) {
        metrics.onRequest(listener);
    }

    /**
     * The policy of the budget share {@code crossdock.vendors.<name>.shares.<share>}: the same retry, breaker,
     * bulkhead and vendor limiter, and before the vendor's permit each attempt takes one of the share's.
     */
    public VendorPolicy share(String shareName) {
        if (!VendorMetrics.NO_SHARE.equals(share)) {
            throw new IllegalStateException("the policy of share '" + share + "' of " + name + " has no shares");
        }
        VendorPolicy policy = shares.get(shareName);
        if (policy == null) {
            throw new IllegalArgumentException("no share '" + shareName + "' under crossdock.vendors." + name
                    + ".shares (configured: " + shares.keySet() + ")");
        }
        return retry == resilience.destructiveRetry() ? policy.destructive() : policy;
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
        return exchangeWith(operation, request, response -> response.bodyToMono(type), classifier::classify);
    }

    /** As {@link #exchange(String, WebClient.RequestHeadersSpec, Class, BodyFailureClassifier)}, for generic types. */
    public <T> Mono<T> exchange(String operation, WebClient.RequestHeadersSpec<?> request,
            ParameterizedTypeReference<T> type, BodyFailureClassifier<? super T> classifier) {
        return exchangeWith(operation, request, response -> response.bodyToMono(type), classifier::classify);
    }

    /**
     * As {@link #exchange(String, WebClient.RequestHeadersSpec, Class, BodyFailureClassifier)}, keeping
     * the answer's status and headers (Inter Cars lists dropped SKUs in a header; BusMarket sends its quota).
     */
    public <T> Mono<ResponseEntity<T>> exchangeForEntity(String operation, WebClient.RequestHeadersSpec<?> request,
            Class<T> type, BodyFailureClassifier<? super T> classifier) {
        return exchangeWith(operation, request, response -> response.toEntity(type),
                entity -> entity.hasBody() ? classifier.classify(entity.getBody()) : Optional.empty());
    }

    /**
     * The general form: {@code decoder} reads a 2xx answer (a {@code CodecException} it raises makes the call
     * fail as undecodable) and {@code judge} finds a failure stated in what it read.
     */
    public <R> Mono<R> exchangeWith(String operation, WebClient.RequestHeadersSpec<?> request,
            Function<ClientResponse, Mono<R>> decoder, Function<? super R, Optional<BodyFailure>> judge) {
        return call(operation, () -> request.exchangeToMono(response ->
                responses.read(operation, response, decoder, judge)));
    }

    private <T> Mono<T> attempt(String operation, Supplier<? extends Mono<T>> call) {
        Mono<T> sent = Mono.defer(() -> {
            metrics.request(operation);
            return call.get();
        });
        Mono<T> timed = sent.transform(TimeLimiterOperator.of(resilience.timeLimiter()));
        // waiting for a slot holds no thread; a slot given back goes to the next attempt on the thread that gave it
        Mono<T> isolated = resilience.bulkhead() == null ? timed : resilience.bulkhead().isolate(operation, timed);
        ThrottleGate gate = resilience.gate();
        // the gate is outermost: a call held for the vendor's wait holds no breaker slot, permit or bulkhead slot
        return gate.pass(operation, rateLimits.withPermits(operation, isolated)
                .doOnError(gate::observe)
                .transform(CircuitBreakerOperator.of(resilience.circuitBreaker())));
    }
}
