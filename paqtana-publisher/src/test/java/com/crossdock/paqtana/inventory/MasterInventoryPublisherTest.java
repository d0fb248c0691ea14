package com.crossdock.paqtana.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.paqtana.client.JsonPayload;
import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.paqtana.json.Payloads;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.ItemKey;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.paqtana.view.ViewRules;
import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.vendor.VendorCallException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.crossdock.paqtana.TestEvents.articleDeleted;
import static com.crossdock.paqtana.TestEvents.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MasterInventoryPublisherTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(100);
    private static final Duration MAX_WAIT = Duration.ofMillis(400);
    private static final TopicPartition P0 = new TopicPartition("t", 0);

    private final InventoryView view = new InventoryView(new ViewRules("main", "main", Map.of(),
            java.time.ZoneOffset.UTC, Set.of(), Duration.ofDays(8), Duration.ofDays(730)));
    private final ViewProgress progress = new ViewProgress();
    private final FakePaqtana paqtana = new FakePaqtana();
    private final List<PayloadTooLargeException> tooLarge = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordedItems sent = new RecordedItems();
    private final List<VendorCallException> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger runsFollowedUp = new AtomicInteger();
    private final PushDeadLetters deadLetters = new PushDeadLetters() {
        @Override
        public Mono<Void> tooLarge(PayloadTooLargeException failure, int rows) {
            return Mono.fromRunnable(() -> tooLarge.add(failure));
        }

        @Override
        public Mono<Void> refused(String operation, VendorCallException failure, int rows) {
            return Mono.fromRunnable(() -> refused.add(failure));
        }
    };
    private final MasterInventoryPublisher publisher = new MasterInventoryPublisher(view, progress, paqtana,
            deadLetters, meters,
            new MasterInventoryPublisher.Debounce(DEBOUNCE, MAX_WAIT, Backoff.fixed(Duration.ofMillis(200))), 0.2,
            () -> Mono.fromRunnable(runsFollowedUp::incrementAndGet), sent);

    @AfterEach
    void stop() {
        publisher.stop();
    }

    @Test
    void burstOfChangesGivesOnePutOfTheWholeView() {
        caughtUp();
        publisher.start();

        for (int i = 0; i < 50; i++) {
            view.apply(level("P" + i, "wh1", "1"));
            publisher.inventoryChanged();
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(1));
        await().during(DEBOUNCE.multipliedBy(4)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(paqtana.puts).hasSize(1));
        assertThat(paqtana.puts.get(0)).contains("\"code\":\"P0\"", "\"code\":\"P49\"");
    }

    @Test
    void steadyStreamOfChangesIsStillPushedWithinTheMaxWait() {
        caughtUp();
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        Disposable steady = Flux.interval(DEBOUNCE.dividedBy(4)).subscribe(tick -> publisher.inventoryChanged());
        try {
            await().atMost(MAX_WAIT.multipliedBy(3)).untilAsserted(() -> assertThat(paqtana.puts).isNotEmpty());
        } finally {
            steady.dispose();
        }
    }

    @Test
    void sendsNothingBeforeTheViewHasCaughtUp() {
        progress.start(Map.of(P0, 0L), Map.of(P0, 2L));
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        publisher.inventoryChanged();
        publisher.runNow();

        await().during(DEBOUNCE.multipliedBy(4)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(paqtana.puts).isEmpty());
    }

    @Test
    void neverSendsAnEmptyView() {
        caughtUp();
        publisher.start();

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(meters
                .counter("crossdock.paqtana.master_inventory.pushes", "outcome", "skipped_empty").count()).isEqualTo(1));
        assertThat(paqtana.puts).isEmpty();
    }

    @Test
    void dailyPushSendsAtOnce() {
        caughtUp();
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(1));
    }

    @Test
    void theRunSendsItsDemandOnlyAfterItsPutSucceeded() {
        caughtUp();
        paqtana.failuresLeft.set(1);
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        publisher.runNow();

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(runsFollowedUp).hasValue(1));
        assertThat(paqtana.puts).hasSize(1);
        view.apply(level("P1", "wh1", "2"));
        publisher.inventoryChanged();
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(2));
        assertThat(runsFollowedUp).as("a change's PUT sends no demand").hasValue(1);
    }

    @Test
    void paqtanasRefusalIsDeadLetteredAndNotRetried() {
        caughtUp();
        paqtana.refuse = true;
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(refused).hasSize(1));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(paqtana.attempts).hasValue(1));
        assertThat(meters.counter("crossdock.paqtana.master_inventory.pushes", "outcome", "refused").count())
                .isEqualTo(1);
        assertThat(runsFollowedUp).hasValue(0);
    }

    @Test
    void nothingIsSentWhileTheViewLeftOutARecord() {
        caughtUp();
        progress.skipped(P0, 0);
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(meters
                .counter("crossdock.paqtana.master_inventory.pushes", "outcome", "held_incomplete").count()).isEqualTo(1));
        assertThat(paqtana.puts).isEmpty();
    }

    @Test
    void putThatWouldDropManyItemsPaqtanaHoldsWithoutADeletionIsHeld() {
        // what Paqtana got before a restart: ten items, of which the view now knows only one (history not read)
        for (int i = 0; i < 10; i++) {
            sent.items.add(new ItemKey("wh1", "OLD" + i));
        }
        caughtUp();
        publisher.start();
        view.apply(level("OLD0", "wh1", "1"));

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(meters
                .counter("crossdock.paqtana.master_inventory.pushes", "outcome", "held_shrink").count()).isEqualTo(1));
        assertThat(paqtana.puts).isEmpty();
        assertThat(runsFollowedUp).hasValue(0);
    }

    @Test
    void itemsThatLeftByADeletionDoNotHoldThePut() {
        caughtUp();
        publisher.start();
        for (int i = 0; i < 10; i++) {
            view.apply(level("P" + i, "wh1", "1"));
        }
        publisher.runNow();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(1));
        assertThat(sent.items).hasSize(10);
        for (int i = 1; i < 10; i++) {
            view.apply(articleDeleted("P" + i)); // nine of ten items deleted: a large drop, explained
        }

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(2));
        assertThat(sent.items).containsExactly(new ItemKey("wh1", "P0"));
    }

    @Test
    void viewOverTheLimitIsReportedAndNotSent() {
        caughtUp();
        paqtana.limitBytes = 100;
        publisher.start();
        for (int i = 0; i < 10; i++) {
            view.apply(level("P" + i, "wh1", "1"));
        }

        publisher.runNow();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(tooLarge).singleElement()
                .satisfies(e -> assertThat(e.sizeBytes()).isGreaterThan(100)));
        assertThat(paqtana.puts).isEmpty();
        assertThat(meters.counter("crossdock.paqtana.master_inventory.pushes", "outcome", "too_large").count())
                .isEqualTo(1);
    }

    @Test
    void failedPutIsTriedAgainLater() {
        caughtUp();
        paqtana.failuresLeft.set(1);
        publisher.start();
        view.apply(level("P1", "wh1", "1"));

        publisher.runNow();

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(1));
        assertThat(meters.counter("crossdock.paqtana.master_inventory.pushes", "outcome", "failure").count())
                .isEqualTo(1);
    }

    @Test
    void afterMaxAttemptsFailedInARowItWaitsForTheNextChange() {
        MasterInventoryPublisher limited = new MasterInventoryPublisher(view, progress, paqtana,
                deadLetters, meters, new MasterInventoryPublisher.Debounce(DEBOUNCE, MAX_WAIT,
                        Backoff.fixed(Duration.ofMillis(50)).withMaxAttempts(2)), 0.2, Mono::empty, sent);
        caughtUp();
        paqtana.failuresLeft.set(3);
        limited.start();
        try {
            view.apply(level("P1", "wh1", "1"));

            limited.runNow();

            await().atMost(Duration.ofSeconds(3)).until(() -> failures() == 2);
            await().during(DEBOUNCE.multipliedBy(5)).atMost(Duration.ofSeconds(2)).until(() -> failures() == 2);
            limited.inventoryChanged();
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(paqtana.puts).hasSize(1));
            assertThat(failures()).as("the change's PUT failed once more, then its retry went through").isEqualTo(3);
        } finally {
            limited.stop();
        }
    }

    private double failures() {
        return meters.counter("crossdock.paqtana.master_inventory.pushes", "outcome", "failure").count();
    }

    private void caughtUp() {
        progress.start(Map.of(), Map.of());
    }

    /** The items recorded as sent, in memory. */
    private static final class RecordedItems implements LastSentItems {

        final Set<ItemKey> items = ConcurrentHashMap.newKeySet();

        @Override
        public Set<ItemKey> read() {
            return Set.copyOf(items);
        }

        @Override
        public Mono<Void> record(Set<ItemKey> before, Set<ItemKey> after) {
            return Mono.fromRunnable(() -> {
                items.removeAll(before);
                items.addAll(after);
            });
        }
    }

    /** Records the bodies of successful PUTs; checks the size like the real client. */
    private static final class FakePaqtana implements PaqtanaClient {

        final List<String> puts = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean refuse;
        volatile long limitBytes = Long.MAX_VALUE;

        @Override
        public Mono<Void> putMasterInventory(JsonPayload payload) {
            return Mono.defer(() -> {
                attempts.incrementAndGet();
                if (refuse) {
                    return Mono.error(VendorCallException.ofStatus("paqtana", "master_inventory", 400,
                            "{\"operation_type\":\"master_inventory\",\"operation_info\":{\"validation_error\":\"bad\"}}",
                            Map.of(), null));
                }
                if (payload.sizeBytes() > limitBytes) {
                    return Mono.error(new PayloadTooLargeException("master_inventory", payload.sizeBytes(), limitBytes));
                }
                if (failuresLeft.getAndDecrement() > 0) {
                    return Mono.error(new IllegalStateException("Paqtana down"));
                }
                puts.add(Payloads.text(payload));
                return Mono.empty();
            });
        }

        @Override
        public Mono<Void> postHistoricalDemand(JsonPayload payload, boolean autoCalculate) {
            return Mono.error(new UnsupportedOperationException());
        }
    }
}
