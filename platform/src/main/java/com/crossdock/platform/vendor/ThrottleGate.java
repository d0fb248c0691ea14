package com.crossdock.platform.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

/**
 * When a vendor tells one caller to wait (429, a {@code Retry-After}, BaseLinker's blocked token), every call
 * of that credential waits: the policy's retry already waits for the caller that was told, and this gate keeps
 * the others from spending requests that the vendor would refuse, or count against a block. Prodsmart:
 * "Należy opracować logikę, która wykorzystuje informacje określone przez wartość Retry-After"
 * ({@code vendor-docs/prodsmart-api.pl.txt}, "Limit ilości"). The wait is read once, by {@link VendorResponses}
 * (the header) or a {@link BodyFailureClassifier} (the body), and arrives here on the {@link VendorCallException}.
 */
final class ThrottleGate {

    private final String vendor;
    private final Clock clock;
    private final Duration withoutRetryAfter;
    private final Duration maxHold;
    private final VendorMetrics metrics;
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.EPOCH);

    /**
     * @param withoutRetryAfter how long a 429 that names no wait holds the calls
     * @param maxHold           a longer wait is not held in memory: the call fails as transient with the wait
     */
    ThrottleGate(String vendor, Clock clock, Duration withoutRetryAfter, Duration maxHold, VendorMetrics metrics) {
        this.vendor = vendor;
        this.clock = clock;
        this.withoutRetryAfter = withoutRetryAfter;
        this.maxHold = maxHold;
        this.metrics = metrics;
    }

    /** {@code call}, once the wait the vendor asked for has passed. */
    <T> Mono<T> pass(String operation, Mono<T> call) {
        return Mono.defer(() -> {
            Duration wait = Duration.between(clock.instant(), closedUntil.get());
            if (wait.isNegative() || wait.isZero()) {
                return call;
            }
            if (wait.compareTo(maxHold) > 0) {
                return Mono.error(VendorCallException.ofThrottled(vendor, operation, wait));
            }
            metrics.throttleWait(operation, wait);
            return Mono.delay(wait).then(call);
        });
    }

    /** Closes the gate for the wait that {@code failure} carries, if it tells the credential to wait. */
    void observe(Throwable failure) {
        if (!(failure instanceof VendorCallException answer) || answer.outcome() != VendorCallOutcome.TRANSIENT_ERROR) {
            return;
        }
        boolean tooMany = answer.status() == 429;
        if (!tooMany && answer.retryAfter().isEmpty()) {
            return;
        }
        metrics.throttled();
        Instant until = clock.instant().plus(answer.retryAfter().orElse(withoutRetryAfter));
        closedUntil.accumulateAndGet(until, (current, next) -> current.isAfter(next) ? current : next);
    }
}
