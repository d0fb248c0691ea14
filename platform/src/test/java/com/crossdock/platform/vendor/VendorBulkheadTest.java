package com.crossdock.platform.vendor;

import static com.crossdock.testkit.TestPolicies.fastWith;
import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bulkhead's hand-off ({@link VendorBulkhead}): one attempt at a time per slot, the waiting ones in arrival order,
 * a wait that runs out refused, a cancelled waiter skipped and a cancelled runner's slot given back, never a slot
 * lost, and the next attempt started on the thread that gave the slot back.
 */
class VendorBulkheadTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VendorMetrics metrics = new VendorMetrics(meters, "acme");
    private final FakeVendor vendor = new FakeVendor();
    private final List<Disposable> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(Disposable::dispose);
        vendor.close();
    }

    /** An attempt that starts when subscribed (recorded in {@code started}) and ends when its sink is told. */
    private record Held(String name, Sinks.One<String> end, List<String> started, Map<String, Thread> threads) {

        Mono<String> attempt() {
            return Mono.defer(() -> {
                started.add(name);
                threads.put(name, Thread.currentThread());
                return end.asMono();
            });
        }

        void finish() {
            end.tryEmitValue(name).orThrow();
        }
    }

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Object>> outcomes = new ConcurrentHashMap<>();

    private Held held(String name) {
        return new Held(name, Sinks.one(), started, threads);
    }

    private Disposable run(VendorBulkhead bulkhead, Held held) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        outcomes.put(held.name(), outcome);
        Disposable subscription = bulkhead.isolate("getThing", held.attempt())
                .subscribe(outcome::set, outcome::set);
        running.add(subscription);
        return subscription;
    }

    private double available() {
        return meters.get(VendorMetrics.BULKHEAD_AVAILABLE).tag("vendor", "acme").gauge().value();
    }

    private double waiting() {
        return meters.get(VendorMetrics.BULKHEAD_WAITING).tag("vendor", "acme").gauge().value();
    }

    @Test
    void startsWaitingAttemptsOneAtATimeInArrivalOrder() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, LONG, metrics);
        List<Held> attempts = List.of(held("a"), held("b"), held("c"), held("d"));
        attempts.forEach(attempt -> run(bulkhead, attempt));

        assertThat(started).containsExactly("a");
        assertThat(waiting()).isEqualTo(3.0);
        for (int i = 0; i < attempts.size(); i++) {
            attempts.get(i).finish();
            assertThat(outcomes.get(attempts.get(i).name()).get()).isEqualTo(attempts.get(i).name());
            assertThat(started).hasSize(Math.min(i + 2, attempts.size()));
        }

        assertThat(started).containsExactly("a", "b", "c", "d");
        assertThat(available()).isEqualTo(1.0);
        assertThat(waiting()).isZero();
        assertThat(meters.timer(VendorMetrics.BULKHEAD_WAITS, "vendor", "acme", "operation", "getThing").count())
                .isEqualTo(4);
    }

    @Test
    void startsTheNextAttemptOnTheThreadThatEndedThePreviousOne() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, LONG, metrics);
        Held first = held("first");
        Held second = held("second");
        run(bulkhead, first);
        run(bulkhead, second);
        Scheduler elsewhere = Schedulers.newSingle("ends-the-first");
        try {
            AtomicReference<Thread> ender = new AtomicReference<>();
            elsewhere.schedule(() -> {
                ender.set(Thread.currentThread());
                first.finish();
            });

            await().atMost(BLOCK).until(() -> started.contains("second"));
            assertThat(threads.get("second")).isSameAs(ender.get());
        } finally {
            elsewhere.dispose();
        }
    }

    @Test
    void startsEachAttemptInItsOwnCallersContextWhateverThreadGaveTheSlot() {
        // the trace (the WebClient's observation) and the correlation id travel in the Reactor context, not the thread
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, LONG, metrics);
        Map<String, String> seen = new ConcurrentHashMap<>();
        List<Sinks.One<String>> ends = new ArrayList<>();
        for (String caller : List.of("first", "second", "third")) {
            Sinks.One<String> end = Sinks.one();
            ends.add(end);
            running.add(bulkhead.isolate("getThing", Mono.deferContextual(context -> {
                        seen.put(caller, context.get("correlationId"));
                        return end.asMono();
                    }))
                    .contextWrite(context -> context.put("correlationId", "id-of-" + caller))
                    .subscribe());
        }
        Scheduler elsewhere = Schedulers.newSingle("ends-the-calls");
        try {
            ends.forEach(end -> elsewhere.schedule(() -> end.tryEmitValue("done")));

            await().atMost(BLOCK).until(() -> seen.size() == 3);
            assertThat(seen).containsEntry("first", "id-of-first").containsEntry("second", "id-of-second")
                    .containsEntry("third", "id-of-third");
        } finally {
            elsewhere.dispose();
        }
    }

    @Test
    void refusesAnAttemptThatWaitedLongerThanTheMaxWaitAndKeepsTheSlot() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, Duration.ofMillis(200), metrics);
        Held holder = held("holder");
        run(bulkhead, holder);
        Held late = held("late");
        run(bulkhead, late);

        await().atMost(BLOCK).until(() -> outcomes.get("late").get() != null);
        assertThat(outcomes.get("late").get()).isInstanceOf(VendorBulkhead.BulkheadFullException.class);
        assertThat(Failures.isRejection((Throwable) outcomes.get("late").get())).isTrue();
        assertThat(started).containsExactly("holder");
        assertThat(meters.counter(VendorMetrics.BULKHEAD_REFUSALS, "vendor", "acme", "operation", "getThing")
                .count()).isEqualTo(1.0);
        assertThat(available()).isZero();

        holder.finish();
        Held next = held("next");
        run(bulkhead, next);
        assertThat(started).containsExactly("holder", "next");
    }

    @Test
    void refusesAtOnceWhenTheMaxWaitIsZero() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, Duration.ZERO, metrics);
        run(bulkhead, held("holder"));
        run(bulkhead, held("refused"));

        assertThat(outcomes.get("refused").get()).isInstanceOf(VendorBulkhead.BulkheadFullException.class);
        assertThat(started).containsExactly("holder");
    }

    @Test
    void skipsACancelledWaiterWithoutGivingItTheSlot() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, LONG, metrics);
        Held holder = held("holder");
        run(bulkhead, holder);
        Disposable cancelled = run(bulkhead, held("cancelled"));
        Held after = held("after");
        run(bulkhead, after);

        cancelled.dispose();
        assertThat(waiting()).isEqualTo(1.0);
        holder.finish();

        assertThat(started).containsExactly("holder", "after");
        after.finish();
        assertThat(available()).isEqualTo(1.0);
        assertThat(waiting()).isZero();
    }

    @Test
    void givesTheSlotOfACancelledRunningAttemptToTheNext() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, LONG, metrics);
        Disposable runner = run(bulkhead, held("runner"));
        Held next = held("next");
        run(bulkhead, next);
        assertThat(started).containsExactly("runner");

        runner.dispose();

        assertThat(started).containsExactly("runner", "next");
        next.finish();
        assertThat(available()).isEqualTo(1.0);
    }

    @Test
    void givesTheSlotOfAFailedAttemptToTheNext() {
        VendorBulkhead bulkhead = new VendorBulkhead("acme", 1, LONG, metrics);
        Held failing = held("failing");
        run(bulkhead, failing);
        Held next = held("next");
        run(bulkhead, next);

        failing.end().tryEmitError(new IllegalStateException("boom")).orThrow();

        assertThat(outcomes.get("failing").get()).isInstanceOf(IllegalStateException.class);
        assertThat(started).containsExactly("failing", "next");
        next.finish();
        assertThat(available()).isEqualTo(1.0);
    }

    @Test
    void neverRunsMoreThanItsSlotsUnderAConcurrentBurstAndLosesNone() {
        for (int slots : new int[] {1, 3}) {
            SimpleMeterRegistry burstMeters = new SimpleMeterRegistry();
            VendorBulkhead bulkhead = new VendorBulkhead("burst", slots, LONG, new VendorMetrics(burstMeters, "burst"));
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger ended = new AtomicInteger();
            int attempts = 400;
            Scheduler burst = Schedulers.newParallel("burst", 4);
            try {
                List<Disposable> cancelled = new CopyOnWriteArrayList<>();
                Flux.range(0, attempts).parallel(4).runOn(burst).subscribe(i -> {
                    Mono<Integer> attempt = Mono.defer(() -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        AtomicBoolean left = new AtomicBoolean();
                        Runnable leave = () -> {
                            if (left.compareAndSet(false, true)) {
                                inside.decrementAndGet();
                            }
                        };
                        // ends on another thread, as an answer does: the next attempt starts there. It leaves before
                        // its end or cancel reaches the bulkhead (doFinally would run after the next had started)
                        return Mono.delay(Duration.ofMillis(i % 3)).map(tick -> i)
                                .doOnTerminate(leave).doOnCancel(leave);
                    });
                    Disposable subscription = bulkhead.isolate("getThing", attempt)
                            .doFinally(signal -> ended.incrementAndGet())
                            .subscribe(value -> { }, failure -> { });
                    if (i % 10 == 0) {
                        // a tenth cancelled, waiting or running
                        subscription.dispose();
                        cancelled.add(subscription);
                    }
                });

                await().atMost(BLOCK.multipliedBy(2)).untilAsserted(() -> {
                    assertThat(ended).hasValue(attempts);
                    assertThat(burstMeters.get(VendorMetrics.BULKHEAD_AVAILABLE).gauge().value()).isEqualTo(slots);
                    assertThat(burstMeters.get(VendorMetrics.BULKHEAD_WAITING).gauge().value()).isZero();
                });
                assertThat(most.get()).as("attempts inside at once, %d slots", slots).isBetween(1, slots);
                assertThat(inside).hasValue(0);
            } finally {
                burst.dispose();
            }
        }
    }

    @Test
    void givesTheSlotBackOnceTheAnswerIsInBeforeItIsDecoded() {
        vendor.otherwise(Reply.of(200, "ok"));
        VendorPolicy policy = Policies.of(meters, fastWith("acme.max-concurrent-calls=1")).forVendor("acme");
        WebClient client = WebClient.create(vendor.baseUrl());
        Sinks.Empty<Void> decoded = Sinks.empty();
        AtomicReference<Object> first = new AtomicReference<>();
        // the first answer's decoding waits until told: its slot must be free meanwhile
        running.add(policy.exchangeWith("getThing", client.get().uri("/first"),
                        response -> response.bodyToMono(String.class).flatMap(body -> decoded.asMono().thenReturn(body)),
                        body -> Optional.<BodyFailure>empty())
                .subscribe(first::set, first::set));
        await().atMost(BLOCK).until(() -> vendor.requests() == 1);

        String second = policy.exchange("getThing", client.get().uri("/second"), String.class).block(BLOCK);

        assertThat(second).isEqualTo("ok");
        assertThat(first.get()).as("the first call is still decoding").isNull();
        decoded.tryEmitEmpty().orThrow();
        await().atMost(BLOCK).until(() -> "ok".equals(first.get()));
        assertThat(vendor.maxConcurrentRequests()).isEqualTo(1);
        assertThat(available()).isEqualTo(1.0);
    }

    @Test
    void aCallRefusedForNoSlotIsRejectedNotRetriedAndNotCountedByTheBreaker() {
        vendor.otherwise(Reply.of(200, "ok").after(Duration.ofSeconds(2)));
        VendorPolicy policy = Policies.of(meters, fastWith("acme.max-concurrent-calls=1",
                "acme.bulkhead-max-wait=100ms", "acme.timeout=10s")).forVendor("acme");
        WebClient client = WebClient.create(vendor.baseUrl());
        AtomicReference<Object> slow = new AtomicReference<>();
        running.add(policy.exchange("getThing", client.get().uri("/slow"), String.class).subscribe(slow::set, slow::set));
        await().atMost(BLOCK).until(() -> vendor.requests() == 1);

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy.exchange("getThing", client.get().uri("/refused"), String.class).block(BLOCK))
                .satisfies(refused -> {
                    assertThat(refused.outcome()).isEqualTo(VendorCallOutcome.REJECTED);
                    assertThat(refused.mayHaveBeenServed()).isFalse();
                    assertThat(refused).hasCauseInstanceOf(VendorBulkhead.BulkheadFullException.class);
                });

        await().atMost(BLOCK).until(() -> "ok".equals(slow.get()));
        assertThat(vendor.requests()).as("the refused call was never sent nor retried").isEqualTo(1);
        assertThat(meters.counter(VendorMetrics.RETRIES, "vendor", "acme", "operation", "getThing").count()).isZero();
        assertThat(policy.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(meters.counter(VendorMetrics.CALLS, "vendor", "acme", "operation", "getThing", "outcome",
                "rejected").count()).isEqualTo(1.0);
    }
}
