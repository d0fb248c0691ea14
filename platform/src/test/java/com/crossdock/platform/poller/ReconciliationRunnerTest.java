package com.crossdock.platform.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation runner over fake passes: pages, the lease, one run at a time, what it counts. */
class ReconciliationRunnerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PollerMetrics metrics = new PollerMetrics(registry, Clock.systemUTC(), "acme");
    /** What happened, in order: pages read, records sent to Kafka. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @TempDir
    Path dir;

    private DurableSpool spool;

    @BeforeEach
    void openSpool() throws Exception {
        spool = DurableSpool.open(SpoolOptions.defaults(dir));
    }

    @AfterEach
    void close() throws Exception {
        executor.shutdownNow();
        spool.close();
    }

    @Test
    void readsEachPassPageByPageSavingEachPageBeforeTheNextAndCountsWhatItPublished() {
        ReconciliationRunner runner = runner(List.of(pass("articles", 3), pass("orders", 2)), () -> true);

        String runId = runner.trigger().orElseThrow();

        await().atMost(Duration.ofSeconds(10)).until(() -> !runner.isRunning());
        assertThat(events).containsExactly(
                "read articles 1", "sent articles 1 of " + runId, "read articles 2", "sent articles 2 of " + runId,
                "read articles 3", "read orders 1", "sent orders 1 of " + runId, "read orders 2");
        assertThat(registry.counter(PollerMetrics.RECONCILIATION_ITEMS, "vendor", "acme", "kind", "articles").count())
                .isEqualTo(2);
        assertThat(registry.counter(PollerMetrics.RECONCILIATION_RUNS, "vendor", "acme", "outcome", "completed").count())
                .isEqualTo(1);
    }

    @Test
    void stopsAtTheNextPageOnceTheLeaseIsLost() {
        AtomicBoolean lease = new AtomicBoolean(true);
        ReconciliationPass losing = ReconciliationPass.of("articles", (page, run) -> {
            Page read = pass("articles", 5).read(page, run);
            lease.set(false);
            return read;
        });
        ReconciliationRunner runner = runner(List.of(losing, pass("orders", 1)), lease::get);

        runner.trigger().orElseThrow();

        await().atMost(Duration.ofSeconds(10)).until(() -> !runner.isRunning());
        assertThat(events).filteredOn(event -> event.startsWith("read")).containsExactly("read articles 1");
        assertThat(registry.counter(PollerMetrics.RECONCILIATION_RUNS, "vendor", "acme", "outcome", "lease-lost").count())
                .isEqualTo(1);
    }

    @Test
    void startsOneRunAtATimeAndNoneOnAStandby() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReconciliationPass slow = ReconciliationPass.of("articles", (page, run) -> {
            release.await();
            return new Page(List.of(), 0, false);
        });
        ReconciliationRunner runner = runner(List.of(slow), () -> true);

        assertThat(runner.trigger()).isPresent();
        assertThat(runner.trigger()).as("one is running").isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !runner.isRunning());

        assertThat(runner(List.of(slow), () -> false).trigger()).as("a standby").isEqualTo(Optional.empty());
    }

    @Test
    void aFailedRunIsCountedAndTheNextOneMayStart() {
        ReconciliationPass failing = ReconciliationPass.of("articles", (page, run) -> {
            throw new IllegalStateException("vendor answered 401");
        });
        ReconciliationRunner runner = runner(List.of(failing), () -> true);

        runner.trigger().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> !runner.isRunning());

        assertThat(registry.counter(PollerMetrics.RECONCILIATION_RUNS, "vendor", "acme", "outcome", "failed").count())
                .isEqualTo(1);
        assertThat(runner.trigger()).isPresent();
    }

    @Test
    void runsTheRequestedPassesOnlyAndARequestMadeDuringARunRightAfterIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReconciliationPass slow = ReconciliationPass.of("articles", (page, run) -> {
            events.add("read articles " + page);
            release.await();
            return new Page(List.of(), 0, false);
        });
        ReconciliationRunner runner = runner(List.of(slow, pass("orders", 1)), () -> true);

        runner.trigger().orElseThrow();
        runner.reconcile(List.of("orders", "no-such-pass"));
        runner.reconcile(List.of("orders"));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .containsExactly("read articles 1", "read orders 1", "read orders 1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !runner.isRunning());
        assertThat(registry.counter(PollerMetrics.RECONCILIATION_RUNS, "vendor", "acme", "outcome", "completed").count())
                .as("the full run, then one run of the requested pass, asked twice").isEqualTo(2);

        runner.reconcile(List.of("orders"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).hasSize(4));
        assertThat(events.get(3)).isEqualTo("read orders 1");
    }

    /** A pass of {@code pages} pages, two items each but the last, empty; each item counted under the pass's name. */
    private ReconciliationPass pass(String name, int pages) {
        return ReconciliationPass.of(name, (page, run) -> {
            events.add("read " + name + " " + page);
            boolean last = page >= pages;
            if (!last) {
                run.count(name, 1);
            }
            return new Page(last ? List.of()
                    : List.of(KitFixtures.RAW.item(name, name, name + " " + page + " of " + run.id(), run.id(), null)), last ? 0 : 2, !last);
        });
    }

    private ReconciliationRunner runner(List<ReconciliationPass> passes, BooleanSupplier lease) {
        BatchWriter writer = KitFixtures.writer(KitFixtures.recordingSink(events), spool, Duration.ofSeconds(1),
                FeedSettings.RETRY_DEFAULTS, metrics);
        return new ReconciliationRunner(passes, KitFixtures.rawOnlyEncoder(), writer, lease, metrics, Clock.systemUTC(),
                executor);
    }
}
