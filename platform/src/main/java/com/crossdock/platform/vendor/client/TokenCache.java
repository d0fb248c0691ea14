package com.crossdock.platform.vendor.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    private final Supplier<Mono<Issued>> fetch;
    private final Duration renewBefore;
    private final Clock clock;
    private final Consumer<String> renewals;
    private Held current;
    private Mono<Held> inFlight;
    private long generation;

    /**
     * @param fetch       asks the vendor for a new token
     * @param renewBefore how long before its expiry a token is replaced
     * @param renewals    told why a held token was replaced: {@code expiry} or {@code unauthorized}
     */
    TokenCache(Supplier<Mono<Issued>> fetch, Duration renewBefore, Clock clock, Consumer<String> renewals) {
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
            inFlight = Mono.defer(fetch)
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
        }
    }

    private synchronized void stored(long fetchGeneration, Held fetched) {
        if (fetchGeneration == generation) {
            current = fetched;
            inFlight = null;
        }
    }

    /** A failed or abandoned fetch is not shared with later callers: the next one tries again. */
    private synchronized void forgotten(long fetchGeneration) {
        if (fetchGeneration == generation) {
            inFlight = null;
        }
    }
}
