package com.crossdock.paqtana.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.paqtana.json.JsonRowsPayload;
import com.crossdock.paqtana.view.InventoryChangeListener;
import com.crossdock.paqtana.view.InventoryRow;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.InventoryViewLoader;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.platform.retry.Backoff;
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
 * during a PUT gives one more afterwards. Nothing is sent before the view has caught up, nor an empty view:
 * either would wipe Paqtana's data with less than the truth.
 */
public final class MasterInventoryPublisher implements InventoryChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MasterInventoryPublisher.class);
    private static final MasterInventoryJson WRITER = new MasterInventoryJson();
    private static final Sinks.EmitFailureHandler RETRY_CONCURRENT =
            Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));

    private final InventoryView view;
    private final ViewProgress progress;
    private final PaqtanaClient client;
    private final TooLargeHandler tooLarge;
    private final MeterRegistry meters;
    private final Debouncer changes;
    private final Backoff retry;
    /** PUTs failed in a row; only the one push at a time touches it. */
    private final AtomicInteger failedInARow = new AtomicInteger();
    private final Sinks.Many<String> immediate = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Disposable pushes;

    MasterInventoryPublisher(InventoryView view, ViewProgress progress, PaqtanaClient client, TooLargeHandler tooLarge,
            MeterRegistry meters, Debounce debounce) {
        this.view = view;
        this.progress = progress;
        this.client = client;
        this.tooLarge = tooLarge;
        this.meters = meters;
        this.changes = new Debouncer(debounce.quiet(), debounce.maxWait());
        this.retry = debounce.retry().validated();
    }

    /**
     * The timings of the pushes.
     *
     * @param quiet         how long the view must stay unchanged before a PUT
     * @param maxWait       the longest a change waits for its PUT while changes keep coming
     * @param retry         the waits before a failed PUT is tried again (the n-th failure in a row waits the n-th
     *                      wait, then the debounce); after max-attempts failures in a row it waits for the next
     *                      change or the daily push
     */
    record Debounce(Duration quiet, Duration maxWait, Backoff retry) {
    }

    @Override
    public void inventoryChanged() {
        // while the view catches up nothing is sent; catching up itself asks for one PUT of everything
        if (progress.caughtUp()) {
            changes.signal("change");
        }
    }

    /** The daily full push: at once, without waiting for the debounce. */
    public void pushNow() {
        immediate.emitNext("full push", RETRY_CONCURRENT);
    }

    /** Subscribed before the view starts loading, so that catching up finds it listening. */
    @Override
    public int getPhase() {
        return InventoryViewLoader.PHASE - 100;
    }

    @Override
    public void start() {
        pushes = Flux.merge(changes.triggers(), immediate.asFlux())
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

    private Mono<Void> push(String reason) {
        return Mono.defer(() -> {
            if (!progress.caughtUp()) {
                return Mono.empty();
            }
            List<InventoryRow> rows = view.rows();
            if (rows.isEmpty()) {
                log.info("Master inventory not sent ({}): the view has no rows", reason);
                return count("skipped_empty");
            }
            JsonRowsPayload<InventoryRow> payload = JsonRowsPayload.of(rows, WRITER);
            meters.summary("crossdock.paqtana.master_inventory.bytes").record(payload.sizeBytes());
            return client.putMasterInventory(payload)
                    .then(Mono.fromRunnable(() -> {
                        failedInARow.set(0);
                        log.info("Master inventory sent ({}): {} rows, {} bytes", reason, rows.size(), payload.sizeBytes());
                    }))
                    .then(count("success"))
                    .onErrorResume(PayloadTooLargeException.class, e -> tooLarge(e, rows.size()));
        }).subscribeOn(Schedulers.boundedElastic()).onErrorResume(this::failed);
    }

    /** Never truncated, never sent in part: a loud failure until the view shrinks or the limit is raised. */
    private Mono<Void> tooLarge(PayloadTooLargeException failure, int rows) {
        log.error("Master inventory NOT sent: {} rows take {} bytes, over Paqtana's limit of {} bytes", rows,
                failure.sizeBytes(), failure.limitBytes());
        return count("too_large").then(tooLarge.tooLarge(failure, rows));
    }

    private Mono<Void> failed(Throwable failure) {
        int failures = failedInARow.incrementAndGet();
        if (retry.exhausted(failures)) {
            failedInARow.set(0);
            log.error("Master inventory PUT failed {} times in a row ({}); next try at the next change or the daily push",
                    failures, failure.getMessage());
        } else {
            Duration wait = retry.jitteredDelay(failures);
            log.warn("Master inventory PUT failed ({}); trying again in {}", failure.getMessage(), wait);
            Mono.delay(wait).subscribe(tick -> inventoryChanged());
        }
        return count("failure");
    }

    private Mono<Void> count(String outcome) {
        return Mono.fromRunnable(() -> meters.counter("crossdock.paqtana.master_inventory.pushes",
                "outcome", outcome.toLowerCase(Locale.ROOT)).increment());
    }
}
