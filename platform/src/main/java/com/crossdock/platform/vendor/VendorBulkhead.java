package com.crossdock.platform.vendor;

import java.time.Duration;

import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;
import reactor.util.context.ContextView;

/**
 * The bulkhead of one credential: at most {@code max-concurrent-calls} attempts at the vendor at once (SERPI: one,
 * "un mismo token no puede ser consumidos de manera simultanea"); the others wait, first come first served, up to
 * {@code bulkhead-max-wait}, and one that waits longer is not sent ({@link BulkheadFullException}, a rejection like an
 * open breaker's).
 *
 * <p><b>Waiting holds no thread.</b> The slots are a Reactor pool (reactor-pool) of {@code max-concurrent-calls}
 * interchangeable tokens: a waiting attempt is a pending acquisition, and a slot given back goes straight to the
 * oldest waiting attempt, on the thread that gave it back (the event loop that read the last byte of an answer), which
 * sends its request right there: no thread parked, no hop to a scheduler between two requests. (Resilience4j's own
 * Reactor bulkhead waits by blocking the subscribing thread, so it needed a {@code boundedElastic} thread per call and
 * cost a thread wake-up and two hops per request.) A waiting attempt that is cancelled, or whose wait ran out, leaves
 * the queue and never takes a slot; a running attempt that is cancelled gives its slot back.
 *
 * <p><b>A slot is given back as soon as the answer is in</b> ({@link #releasedOnceRead}): once the vendor's last byte
 * has arrived the vendor is done with the request, so the next request goes out before this answer is decoded, judged
 * and handed to the caller. Everything else gives it back when the attempt ends (success, failure or cancel).
 *
 * <p>Meters ({@link VendorMetrics}): {@code crossdock.vendor.bulkhead.available} (free slots),
 * {@code crossdock.vendor.bulkhead.max}, {@code crossdock.vendor.bulkhead.waiting} (attempts waiting now), the timer
 * {@code crossdock.vendor.bulkhead.waits} (each attempt's wait for its slot, 0 when one was free) and the counter
 * {@code crossdock.vendor.bulkhead.refusals} (attempts not sent: no slot within {@code bulkhead-max-wait}).
 */
final class VendorBulkhead {

    /** The Reactor context key under which an attempt's slot travels down to {@link #releasedOnceRead}. */
    private static final Object SLOT = VendorBulkhead.class;
    /** What the pool holds: a slot is only a place, every one the same. */
    private static final Object TOKEN = new Object();

    private final String vendor;
    private final int maxConcurrentCalls;
    private final Duration maxWait;
    private final VendorMetrics metrics;
    private final InstrumentedPool<Object> pool;

    VendorBulkhead(String vendor, int maxConcurrentCalls, Duration maxWait, VendorMetrics metrics) {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("crossdock.vendors." + vendor + ".max-concurrent-calls must be 1 or "
                    + "more for a bulkhead, not " + maxConcurrentCalls);
        }
        this.vendor = vendor;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.maxWait = maxWait;
        this.metrics = metrics;
        PoolBuilder<Object, ?> slots = PoolBuilder.from(Mono.just(TOKEN)).sizeBetween(0, maxConcurrentCalls);
        // pending attempts are served first in, first out (SimpleDequePool); a wait of 0 is "do not wait" (reactor-pool reads an acquire timeout of 0 as "no timeout")
        this.pool = (maxWait.isZero() ? slots.maxPendingAcquire(0) : slots.maxPendingAcquireUnbounded()).buildPool();
        metrics.bulkhead(maxConcurrentCalls, () -> maxConcurrentCalls - pool.metrics().acquiredSize(),
                () -> pool.metrics().pendingAcquireSize());
    }

    /** {@code attempt}, sent once it holds a slot; the slot is given back when the answer is in, or it ends. */
    <T> Mono<T> isolate(String operation, Mono<T> attempt) {
        return Mono.usingWhen(acquire(operation),
                slot -> attempt.contextWrite(context -> context.put(SLOT, slot)),
                PooledRef::release);
    }

    private Mono<PooledRef<Object>> acquire(String operation) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return pool.acquire(maxWait)
                    .doOnNext(slot -> metrics.bulkheadWait(operation, Duration.ofNanos(System.nanoTime() - start)))
                    .onErrorMap(failure -> failure instanceof PoolAcquireTimeoutException
                            || failure instanceof PoolAcquirePendingLimitException, failure -> {
                        metrics.bulkheadRefused(operation);
                        return new BulkheadFullException(vendor, maxConcurrentCalls, maxWait);
                    });
        });
    }

    /**
     * {@code response}, whose attempt's slot (if it holds one, found in {@code context}) is given back the moment the
     * last byte of its body has arrived: the vendor is done with the request. Reading the body is unchanged.
     */
    static ClientResponse releasedOnceRead(ContextView context, ClientResponse response) {
        PooledRef<?> slot = context.getOrDefault(SLOT, null);
        if (slot == null) {
            return response;
        }
        return response.mutate().body(body -> body.doOnComplete(() -> slot.release().subscribe())).build();
    }

    /**
     * Not sent: no bulkhead slot came within {@code bulkhead-max-wait}. The policy's own refusal: never retried by the
     * same policy, ignored by the breaker, and {@link VendorCallOutcome#REJECTED}.
     */
    static final class BulkheadFullException extends RuntimeException {

        BulkheadFullException(String vendor, int maxConcurrentCalls, Duration maxWait) {
            super("no bulkhead slot of " + vendor + " (" + maxConcurrentCalls + " concurrent calls) within "
                    + maxWait, null, false, false);
        }
    }
}
