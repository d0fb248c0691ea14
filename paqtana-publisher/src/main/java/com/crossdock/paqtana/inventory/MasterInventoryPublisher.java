package com.crossdock.paqtana.inventory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.paqtana.json.JsonRowsPayload;
import com.crossdock.paqtana.view.InventoryChangeListener;
import com.crossdock.paqtana.view.InventoryRow;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.InventoryViewLoader;
import com.crossdock.paqtana.view.ItemKey;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.vendor.VendorCallException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * PUTs the whole master inventory to Paqtana, which replaces everything it held ("Cada solicitud enviada
 * reemplazará todos los datos del payload anterior", paqtana-integration-api.es.txt, Paso 5): after the view
 * changed and then stayed quiet for the debounce interval (a burst of changes gives one PUT; under a steady
 * stream of changes, at least every {@code maxWait}), and on the daily full push. One PUT at a time; a change
 * during a PUT gives one more afterwards. Nothing is sent before the view is complete (caught up, nothing
 * skipped), nor an empty view, nor a view that would drop a large share of the items Paqtana last received without
 * deletions explaining it: each would wipe Paqtana's data with less than the truth. The daily run is a PUT
 * followed, once it succeeded, by the historical demand ({@link RunFollowUp}). Paqtana's 4xx other than
 * 408/429 is permanent: a dead letter with its {@code operation_info}, not retried.
 */
public final class MasterInventoryPublisher implements InventoryChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MasterInventoryPublisher.class);
    private static final MasterInventoryJson WRITER = new MasterInventoryJson();
    private static final Sinks.EmitFailureHandler RETRY_CONCURRENT =
            Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));
    private static final int EXAMPLES = 10;

    private final InventoryView view;
    private final ViewProgress progress;
    private final PaqtanaClient client;
    private final PushDeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Debouncer changes;
    private final Backoff retry;
    private final double maxUnexplainedDrop;
    private final RunFollowUp followUp;
    private final LastSentItems sentItems;
    /** PUTs failed in a row; only the one push at a time touches it. */
    private final AtomicInteger failedInARow = new AtomicInteger();
    private final Sinks.Many<Push> immediate = Sinks.many().unicast().onBackpressureBuffer();
    /**
     * The items of the last PUT Paqtana accepted, and those recorded in Kafka (null until the first push reads them
     * back: what Paqtana holds from before a restart). Only the one push at a time touches them.
     */
    private volatile Set<ItemKey> lastSent;
    private volatile Set<ItemKey> recorded;
    private volatile Disposable pushes;

    MasterInventoryPublisher(InventoryView view, ViewProgress progress, PaqtanaClient client,
            PushDeadLetters deadLetters, MeterRegistry meters, Debounce debounce, double maxUnexplainedDrop,
            RunFollowUp followUp, LastSentItems sentItems) {
        this.view = view;
        this.progress = progress;
        this.client = client;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.changes = new Debouncer(debounce.quiet(), debounce.maxWait());
        this.retry = debounce.retry().validated();
        this.maxUnexplainedDrop = maxUnexplainedDrop;
        this.followUp = followUp;
        this.sentItems = sentItems;
    }

    /**
     * The timings of the pushes.
     *
     * @param quiet         how long the view must stay unchanged before a PUT
     * @param maxWait       the longest a change waits for its PUT while changes keep coming
     * @param retry         the waits before a failed PUT is tried again (the n-th failure in a row waits the n-th
     *                      wait, then the debounce); after max-attempts failures in a row it waits for the next
     *                      change or the daily run
     */
    record Debounce(Duration quiet, Duration maxWait, Backoff retry) {
    }

    /** Why a PUT goes out: a change of the view (debounced), or the daily run, which sends the demand after it. */
    enum Push {
        CHANGE, RUN
    }

    @Override
    public void inventoryChanged() {
        // while the view catches up nothing is sent; catching up itself asks for one PUT of everything
        if (progress.caughtUp()) {
            changes.signal("change");
        }
    }

    /** The daily run: the whole master inventory at once, then the historical demand. */
    public void runNow() {
        immediate.emitNext(Push.RUN, RETRY_CONCURRENT);
    }

    /** Subscribed before the view starts loading, so that catching up finds it listening. */
    @Override
    public int getPhase() {
        return InventoryViewLoader.PHASE - 100;
    }

    @Override
    public void start() {
        pushes = Flux.merge(changes.triggers().map(reason -> Push.CHANGE), immediate.asFlux())
                .onBackpressureLatest()
                .concatMap(this::push, 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = pushes;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = pushes;
        return running != null && !running.isDisposed();
    }

    private Mono<Void> push(Push push) {
        return Mono.defer(() -> {
            if (!progress.complete()) {
                if (progress.caughtUp()) {
                    log.error("Master inventory NOT sent ({}): the view left out {} unreadable records, so it is not "
                            + "the whole truth (see readiness)", push, progress.skippedRecords());
                    return count("held_incomplete");
                }
                return Mono.empty();
            }
            if (recorded == null) {
                // once, at the first push after the start (the view is complete, so the topic has been read)
                recorded = sentItems.read();
                lastSent = recorded;
            }
            List<InventoryRow> rows = view.rows();
            if (rows.isEmpty()) {
                log.info("Master inventory not sent ({}): the view has no rows", push);
                return count("skipped_empty");
            }
            Set<ItemKey> items = new HashSet<>();
            rows.forEach(row -> items.add(new ItemKey(row.location(), row.code())));
            if (shrinksUnexplained(items)) {
                return count("held_shrink");
            }
            JsonRowsPayload<InventoryRow> payload = JsonRowsPayload.of(rows, WRITER);
            meters.summary("crossdock.paqtana.master_inventory.bytes").record(payload.sizeBytes());
            return client.putMasterInventory(payload)
                    .then(Mono.fromRunnable(() -> {
                        failedInARow.set(0);
                        lastSent = items;
                        log.info("Master inventory sent ({}): {} rows, {} bytes", push, rows.size(), payload.sizeBytes());
                    }))
                    .then(count("success"))
                    .then(Mono.defer(() -> record(items)))
                    .then(push == Push.RUN ? Mono.defer(this::followUp) : Mono.empty())
                    .onErrorResume(PayloadTooLargeException.class, e -> tooLarge(e, rows.size()))
                    .onErrorResume(MasterInventoryPublisher::refusedByPaqtana, e -> refused((VendorCallException) e, rows.size()));
        }).subscribeOn(Schedulers.boundedElastic()).onErrorResume(failure -> failed(push, failure));
    }

    /**
     * Whether this PUT would drop, of the items Paqtana last received, a larger share than allowed that no
     * deletion explains (items the view never held: history it did not read). Such a PUT is held, not retried:
     * the next change or run looks again.
     */
    private boolean shrinksUnexplained(Set<ItemKey> items) {
        Set<ItemKey> before = lastSent;
        if (before == null || before.isEmpty() || maxUnexplainedDrop >= 1.0) {
            return false;
        }
        List<ItemKey> unexplained = before.stream().filter(item -> !items.contains(item))
                .filter(item -> !view.everHeld(item)).sorted().toList();
        if (unexplained.isEmpty() || unexplained.size() <= maxUnexplainedDrop * before.size()) {
            return false;
        }
        log.error("Master inventory NOT sent: it would drop {} of the {} items Paqtana last received without a "
                + "deletion explaining it (more than crossdock.paqtana.max-unexplained-drop={}), e.g. {}",
                unexplained.size(), before.size(), maxUnexplainedDrop,
                unexplained.subList(0, Math.min(EXAMPLES, unexplained.size())));
        return true;
    }

    /** Keeps what Paqtana now holds for the next start; a failure only leaves the record behind until the next PUT. */
    private Mono<Void> record(Set<ItemKey> items) {
        Set<ItemKey> before = recorded;
        return sentItems.record(before, items)
                .then(Mono.<Void>fromRunnable(() -> recorded = items))
                .onErrorResume(e -> {
                    log.warn("Could not record the items Paqtana now holds ({}); recorded at the next PUT", e.getMessage());
                    return Mono.empty();
                });
    }

    /** The run's demand: its failures are its own (it keeps what it could not send for the next run). */
    private Mono<Void> followUp() {
        return followUp.afterMasterInventory().onErrorResume(e -> {
            log.error("Historical demand of the run failed after the master inventory was sent: {}", e.getMessage());
            return Mono.empty();
        });
    }

    /** Never truncated, never sent in part: a loud failure until the view shrinks or the limit is raised. */
    private Mono<Void> tooLarge(PayloadTooLargeException failure, int rows) {
        log.error("Master inventory NOT sent: {} rows take {} bytes, over Paqtana's limit of {} bytes", rows,
                failure.sizeBytes(), failure.limitBytes());
        return count("too_large").then(deadLetters.tooLarge(failure, rows));
    }

    /** Paqtana's 4xx other than 408/429 (the vendor policy's permanent failure of an answered call). */
    public static boolean refusedByPaqtana(Throwable failure) {
        return failure instanceof VendorCallException call && !call.transientFailure();
    }

    /** Paqtana's 4xx other than 408/429: sending the same again cannot help, so no retry, a dead letter. */
    private Mono<Void> refused(VendorCallException failure, int rows) {
        failedInARow.set(0);
        log.error("Master inventory refused by Paqtana ({}): dead-lettered, not retried", failure.getMessage());
        return count("refused").then(deadLetters.refused("master_inventory", failure, rows));
    }

    private Mono<Void> failed(Push push, Throwable failure) {
        int failures = failedInARow.incrementAndGet();
        if (retry.exhausted(failures)) {
            failedInARow.set(0);
            log.error("Master inventory PUT failed {} times in a row ({}); next try at the next change or the daily run",
                    failures, failure.getMessage());
        } else {
            Duration wait = retry.jitteredDelay(failures);
            log.warn("Master inventory PUT failed ({}); trying again in {}", failure.getMessage(), wait);
            Mono.delay(wait).subscribe(tick -> {
                if (push == Push.RUN) {
                    runNow(); // the run's demand still follows its PUT
                } else {
                    inventoryChanged();
                }
            });
        }
        return count("failure");
    }

    private Mono<Void> count(String outcome) {
        return Mono.fromRunnable(() -> meters.counter("crossdock.paqtana.master_inventory.pushes",
                "outcome", outcome.toLowerCase(Locale.ROOT)).increment());
    }
}
