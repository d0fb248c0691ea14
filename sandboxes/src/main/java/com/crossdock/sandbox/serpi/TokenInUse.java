package com.crossdock.sandbox.serpi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * "Tenga en cuenta que un mismo token no puede ser consumidos de manera simultanea" (serpi-articulos-api.es.txt,
 * "¿Cómo funciona?"). The one owner of each token's state:
 * <ul>
 * <li><b>Refusal</b>: a request takes its token on {@link #arrive arrival} at SERPI, before its body is read; a second
 * request arriving on the token before the first one's answer is built is refused and counted ({@link #refused()},
 * the number a test or a benchmark asserts is 0). The token is free for the next request once the answer is built,
 * before it is on its way: the client may send its next request the moment it has read this one, and is never
 * refused by a race with the end of the server's write.</li>
 * <li><b>Busy time</b> ({@code tokenBusyMillis}): SERPI is occupied by a request from its arrival until its answer's
 * last byte is written ({@link Use#done()}): the body read, the pace ({@link Use#answer}), the answer's
 * serialisation and write. Counted once where two requests' spans overlap (the next one arrived before the
 * previous one's write completed), so it never exceeds the wall time.</li>
 * <li>Its parts, summed per request: {@code receivingMillis} (arrival → the controller has the decoded request),
 * {@code pacedMillis} (the controller has the request → the answer is built: the pace; the busy time as the sandbox
 * counted it before), {@code sendingMillis} (the answer built → its last byte written).</li>
 * </ul>
 */
final class TokenInUse {

    private final Duration pace;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong receivingNanos = new AtomicLong();
    private final AtomicLong pacedNanos = new AtomicLong();
    private final AtomicLong sendingNanos = new AtomicLong();

    TokenInUse(Duration pace) {
        this.pace = pace;
    }

    /** A request on {@code token} arrives: its use of the token, or empty (refused, counted) when it is in use. */
    Optional<Use> arrive(String token) {
        Token state = tokens.computeIfAbsent(token, any -> new Token());
        long now = System.nanoTime();
        if (!state.take(now)) {
            refused.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Use(state, now));
    }

    long refused() {
        return refused.get();
    }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("requestsServed", served.get());
        state.put("concurrentRefused", refused.get());
        state.put("tokenBusyMillis", busyNanos.get() / 1_000_000);
        state.put("receivingMillis", receivingNanos.get() / 1_000_000);
        state.put("pacedMillis", pacedNanos.get() / 1_000_000);
        state.put("sendingMillis", sendingNanos.get() / 1_000_000);
        state.put("paceMillis", pace.toMillis());
        return state;
    }

    void reset() {
        served.set(0);
        refused.set(0);
        busyNanos.set(0);
        receivingNanos.set(0);
        pacedNanos.set(0);
        sendingNanos.set(0);
    }

    /** One request's use of its token, from its arrival to its answer's last byte written. */
    final class Use {

        private final Token token;
        private final long arrived;
        private final AtomicBoolean answered = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile long answeredAt;

        private Use(Token token, long arrived) {
            this.token = token;
            this.arrived = arrived;
        }

        /**
         * The controller has the request (its body read, decoded): {@code answer} after the pace. Once it is built the
         * token is free for the next request, while this answer is still to be serialised and written.
         */
        <T> Mono<T> answer(Supplier<T> answer) {
            return Mono.defer(() -> {
                long start = System.nanoTime();
                receivingNanos.addAndGet(start - arrived);
                return Mono.delay(pace).map(tick -> {
                    try {
                        return answer.get();
                    } finally {
                        free();
                        pacedNanos.addAndGet(answeredAt - start);
                    }
                });
            });
        }

        /** The answer's last byte is written, or the exchange ended otherwise (an error, the client went away). */
        synchronized void done() {
            if (done.compareAndSet(false, true)) {
                boolean wasAnswered = !free();
                long now = System.nanoTime();
                if (wasAnswered) {
                    sendingNanos.addAndGet(now - answeredAt);
                }
                busyNanos.addAndGet(token.end(now));
                served.incrementAndGet();
            }
        }

        /**
         * The answer is built (or the exchange ended without one: an error answered by the framework): the token is
         * free for the next request's arrival, while this one's busy time goes on to {@link #done()}. False when it
         * was already.
         */
        synchronized boolean free() {
            if (answered.compareAndSet(false, true)) {
                answeredAt = System.nanoTime();
                token.free();
                return true;
            }
            return false;
        }
    }

    /**
     * A token's state: in use (a request arrived and its answer is not built yet), and the requests on it not done
     * (the span they cover is busy, counted up to each one's end, so an overlap counts once).
     */
    private static final class Token {

        private boolean inUse;
        private int open;
        private long busySince;
        private long countedUntil;

        synchronized boolean take(long now) {
            if (inUse) {
                return false;
            }
            inUse = true;
            if (open++ == 0) {
                busySince = now;
            }
            return true;
        }

        synchronized void free() {
            inUse = false;
        }

        /** A request is done at {@code now}: the busy time not counted yet. */
        synchronized long end(long now) {
            open--;
            long counted = Math.max(0, now - Math.max(busySince, countedUntil));
            countedUntil = Math.max(countedUntil, now);
            return counted;
        }
    }
}
