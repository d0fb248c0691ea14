package com.crossdock.paqtana.inventory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Turns a stream of change signals into push triggers: one after the changes stopped for {@code quiet}, or at the
 * latest {@code maxWait} after the oldest change not yet let through, so a steady stream cannot hold it back.
 * Signals may come from any thread.
 */
final class Debouncer {

    private static final Sinks.EmitFailureHandler RETRY_CONCURRENT =
            Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));

    private final Duration quiet;
    private final Duration maxWait;
    private final Sinks.Many<String> signals = Sinks.many().unicast().onBackpressureBuffer();
    /** When the oldest signal not yet let through came (nanoTime); 0 when none is pending. */
    private final AtomicLong pendingSince = new AtomicLong();

    Debouncer(Duration quiet, Duration maxWait) {
        this.quiet = quiet;
        this.maxWait = maxWait;
    }

    void signal(String reason) {
        signals.emitNext(reason, RETRY_CONCURRENT);
    }

    /** The triggers; subscribe once. */
    Flux<String> triggers() {
        return signals.asFlux()
                .doOnNext(reason -> pendingSince.compareAndSet(0, System.nanoTime()))
                .sampleTimeout(reason -> Mono.delay(quietOrDeadline()))
                .doOnNext(reason -> pendingSince.set(0));
    }

    /** The quiet time, shortened so that the oldest pending signal waits no longer than {@code maxWait}. */
    private Duration quietOrDeadline() {
        long since = pendingSince.get();
        Duration left = since == 0 ? maxWait : maxWait.minusNanos(System.nanoTime() - since);
        return left.isNegative() ? Duration.ZERO : left.compareTo(quiet) < 0 ? left : quiet;
    }
}
