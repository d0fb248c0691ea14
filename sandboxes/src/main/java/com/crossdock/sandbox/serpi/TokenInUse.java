package com.crossdock.sandbox.serpi;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * "Tenga en cuenta que un mismo token no puede ser consumidos de manera simultanea" (serpi-articulos-api.es.txt,
 * "¿Cómo funciona?"): a token is in use for the whole of a request, {@code pace} long; a second request on it
 * meanwhile is refused and counted ({@link #refused()}), the number a test or a benchmark asserts is 0.
 */
final class TokenInUse {

    private final Duration pace;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    TokenInUse(Duration pace) {
        this.pace = pace;
    }

    /** Serves {@code answer} on {@code token} after the pace, or {@code refusal} at once when the token is in use. */
    <T> Mono<T> serve(String token, Supplier<T> answer, Supplier<T> refusal) {
        return Mono.defer(() -> {
            if (!busy.add(token)) {
                refused.incrementAndGet();
                return Mono.fromSupplier(refusal);
            }
            long start = System.nanoTime();
            // the token is free once SERPI has its answer, before the answer is on its way: the client may send its
            // next request the moment it has read this one
            return Mono.delay(pace).map(tick -> {
                try {
                    return answer.get();
                } finally {
                    release(token, start);
                }
            }).doOnCancel(() -> release(token, start));
        });
    }

    private void release(String token, long start) {
        if (busy.remove(token)) {
            busyNanos.addAndGet(System.nanoTime() - start);
            served.incrementAndGet();
        }
    }

    long refused() {
        return refused.get();
    }

    Map<String, Object> state() {
        return Map.of("requestsServed", served.get(), "concurrentRefused", refused.get(),
                "tokenBusyMillis", busyNanos.get() / 1_000_000, "paceMillis", pace.toMillis());
    }

    void reset() {
        served.set(0);
        refused.set(0);
        busyNanos.set(0);
    }
}
