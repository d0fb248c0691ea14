package com.crossdock.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Sits on the Prodsmart WebClient, so it sees every request, retries included. It counts them for the
 * budget gauge; and when Prodsmart answers 429 it holds every call of this poller (feed and
 * reconciliation alike) until the {@code Retry-After} has passed ("Należy opracować logikę, która
 * wykorzystuje informacje określone przez wartość Retry-After", prodsmart-api.pl.txt). The vendor
 * policy's retry waits for it too; this gate keeps the other callers from spending requests meanwhile.
 */
final class CallGate implements ExchangeFilterFunction {

    private final Clock clock;
    private final PollerMetrics metrics;
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.EPOCH);

    CallGate(Clock clock, PollerMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> {
            Duration wait = Duration.between(clock.instant(), closedUntil.get());
            Mono<ClientResponse> call = Mono.defer(() -> {
                metrics.request();
                return next.exchange(request);
            }).doOnNext(this::observe);
            return wait.isNegative() || wait.isZero() ? call : Mono.delay(wait).then(call);
        });
    }

    private void observe(ClientResponse response) {
        if (response.statusCode().value() != HttpStatus.TOO_MANY_REQUESTS.value()) {
            return;
        }
        metrics.throttled();
        Duration retryAfter = retryAfterSeconds(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        Instant until = clock.instant().plus(retryAfter);
        closedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static Duration retryAfterSeconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value == null ? "1" : value.trim()));
        } catch (NumberFormatException notSeconds) {
            // Prodsmart sends delay-seconds; an HTTP-date is left to the policy's own Retry-After handling
            return Duration.ofSeconds(1);
        }
    }
}
