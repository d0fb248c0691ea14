package com.crossdock.platform.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full pass over a vendor's list endpoints, as snapshot events: it heals what the feed lost (a feed that keeps
 * changes for a while only, an answer lost in transit). The passes read their pages through reconciliation's share
 * of the budget ({@link PollerBudget#reconciliation()}), so the feed keeps the rest. Each page is saved before the
 * next is read. One run at a time, on the lease holder only: a run stops at the next page when the lease has passed
 * to another instance, which spends the account's budget from then on. Besides full runs, some passes can be asked
 * for ({@link #reconcile(Collection)}: a channel whose answer may have been lost): they run at once, or right after the
 * run in progress.
 */
public final class ReconciliationRunner {

    static final String COMPLETED = "completed";
    static final String LEASE_LOST = "lease-lost";
    static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

    private final String vendor;
    private final List<ReconciliationPass> passes;
    private final RecordEncoder encoder;
    private final BatchWriter writer;
    private final BooleanSupplier leaseActive;
    private final PollerMetrics metrics;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    public ReconciliationRunner(List<ReconciliationPass> passes, RecordEncoder encoder, BatchWriter writer,
            BooleanSupplier leaseActive, PollerMetrics metrics, Clock clock, ExecutorService executor) {
        this.vendor = metrics.vendor();
        this.passes = List.copyOf(passes);
        this.encoder = encoder;
        this.writer = writer;
        this.leaseActive = leaseActive;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
    }

    /** Starts a run of every pass in the background; empty when one is running or this instance is a standby. */
    public Optional<String> trigger() {
        if (!leaseActive.getAsBoolean() || !running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        return Optional.of(launch(passes));
    }

    /**
     * Runs the passes named {@code names} ({@link ReconciliationPass#name()}) as soon as it can: now, or right after
     * the run in progress (the request is kept, never refused). A standby runs nothing: the holder's feed has its
     * own. Unknown names are ignored, with a warning.
     */
    public void reconcile(Collection<String> names) {
        Set<String> known = new HashSet<>();
        passes.forEach(pass -> known.add(pass.name()));
        for (String name : names) {
            if (known.contains(name)) {
                requested.add(name);
            } else {
                log.warn("{} has no reconciliation pass named {} (passes: {})", vendor, name, known);
            }
        }
        startRequested();
    }

    /** Starts the requested passes unless a run is in progress, which starts them when it ends. */
    private void startRequested() {
        if (requested.isEmpty() || !leaseActive.getAsBoolean() || !running.compareAndSet(false, true)) {
            return;
        }
        List<ReconciliationPass> selected = passes.stream().filter(pass -> requested.remove(pass.name())).toList();
        if (selected.isEmpty()) {
            running.set(false);
            return;
        }
        launch(selected);
    }

    private String launch(List<ReconciliationPass> selected) {
        ReconciliationRun run = new ReconciliationRun(UUID.randomUUID().toString(), clock.instant());
        executor.execute(() -> {
            try {
                metrics.reconciliationEnded(run(run, selected));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                metrics.reconciliationEnded(FAILED);
                log.error("{} reconciliation {} failed after {}; the next run heals what this one missed", vendor,
                        run.id(), run.summary(), failed);
            } finally {
                running.set(false);
                startRequested();
            }
        });
        return run.id();
    }

    public boolean isRunning() {
        return running.get();
    }

    public String vendor() {
        return vendor;
    }

    private String run(ReconciliationRun run, List<ReconciliationPass> selected) throws InterruptedException {
        log.info("{} reconciliation {} started: {}", vendor, run.id(),
                selected.stream().map(ReconciliationPass::name).toList());
        for (ReconciliationPass pass : selected) {
            for (int page = 1; ; page++) {
                if (!leaseActive.getAsBoolean()) {
                    log.warn("{} reconciliation {} stopped at {} page {}: this instance no longer holds the lease ({} "
                            + "published); the holder's next run covers the rest", vendor, run.id(), pass.name(), page,
                            run.summary());
                    return LEASE_LOST;
                }
                Page read = pass.read(page, run);
                if (!read.records().isEmpty()) {
                    writer.persist(read.records().stream().map(encoder::encode).toList());
                }
                run.pageSaved(metrics);
                if (!read.full()) {
                    break;
                }
            }
        }
        log.info("{} reconciliation {} done in {}: {}", vendor, run.id(),
                Duration.between(run.startedAt(), clock.instant()), run.summary());
        return COMPLETED;
    }
}
