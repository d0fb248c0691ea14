package com.crossdock.platform.vendor.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * One token of a credential, shared by every call: fetched once, renewed {@code renewBefore} the end of its
 * life, and at once when the vendor refused it. Concurrent callers that find no usable token share one fetch.
 *
 * <p>A fetch stops being the one to share the moment its token is stored, in the same step, before any
 * caller sees the token. (It used to be forgotten when the fetch terminated, which Reactor signals after
 * the value: a caller woken by the value could ask again, after the token's renewal time, before that, and
 * be handed the finished fetch's old token instead of a renewal.)
 */
final class TokenCache {

    /** A token and the instant after which it must not be used. */
    record Issued(String value, Instant expiresAt) {
    }

    private record Held(String value, Instant renewAt) {
    }

    private final Function<String, Mono<Issued>> fetch;
    private final Duration renewBefore;
    private final Clock clock;
    private final Consumer<String> renewals;
    private Held current;
    private Mono<Held> inFlight;
    private long generation;
    private String rejected;

    /**
     * @param fetch       asks the vendor for a token other than the one it is given (the token being replaced: the
     *                    held one near its end, or the one the vendor refused; null when there is none)
     * @param renewBefore how long before its expiry a token is replaced
     * @param renewals    told why a held token was replaced: {@code expiry} or {@code unauthorized}
     */
    TokenCache(Function<String, Mono<Issued>> fetch, Duration renewBefore, Clock clock, Consumer<String> renewals) {
        this.fetch = fetch;
        this.renewBefore = renewBefore;
        this.clock = clock;
        this.renewals = renewals;
    }

    /** A token that is not near the end of its life. */
    synchronized Mono<String> token() {
        Held held = current;
        if (held != null && clock.instant().isBefore(held.renewAt())) {
            return Mono.just(held.value());
        }
        if (inFlight == null) {
            if (held != null) {
                renewals.accept("expiry");
            }
            long started = ++generation;
            String replacing = held != null ? held.value() : rejected;
            inFlight = Mono.defer(() -> fetch.apply(replacing))
                    .map(issued -> new Held(issued.value(), issued.expiresAt().minus(renewBefore)))
                    .doOnNext(fetched -> stored(started, fetched))
                    .doOnError(failed -> forgotten(started))
                    .doOnCancel(() -> forgotten(started))
                    .cache();
        }
        return inFlight.map(Held::value);
    }

    /** Forgets {@code rejected} (the vendor answered 401 to it), unless a newer token replaced it already. */
    synchronized void invalidate(String rejected) {
        if (current != null && current.value().equals(rejected)) {
            renewals.accept("unauthorized");
            current = null;
            this.rejected = rejected;
        }
    }

    private synchronized void stored(long fetchGeneration, Held fetched) {
        if (fetchGeneration == generation) {
            current = fetched;
            inFlight = null;
            rejected = null;
        }
    }

    /** A failed or abandoned fetch is not shared with later callers: the next one tries again. */
    private synchronized void forgotten(long fetchGeneration) {
        if (fetchGeneration == generation) {
            inFlight = null;
        }
    }
}
