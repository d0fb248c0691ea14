package com.crossdock.platform.spool;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a {@link DurableSpool} to Kafka on one scheduled thread: every {@code interval} while things go
 * well, and after the n-th failed drain in a row, the {@code retry} backoff's n-th wait; it never gives up. All
 * scheduling state is touched on that one thread only, so two drains never overlap and there is exactly one
 * next run.
 *
 * <p>{@link #stop()} lets the current drain finish the sends in flight and persist its position, then, unless Kafka
 * was failing, drains what is left for up to {@code drainOnStop}: a pod that is scaled down or rolled leaves its
 * spool empty when Kafka is there, instead of stranding answered webhooks on a volume that waits for its ordinal.
 */
public final class SpoolDrainer {

    private static final Logger log = LoggerFactory.getLogger(SpoolDrainer.class);

    private final DurableSpool spool;
    private final DurableSpool.Sender sender;
    private final Duration interval;
    private final Backoff retry;
    private final Duration drainOnStop;
    private final Object lifecycle = new Object();
    private volatile ScheduledThreadPoolExecutor scheduler;
    private volatile boolean stopping;
    private volatile int consecutiveFailures;
    private final java.util.concurrent.atomic.AtomicLong drains = new java.util.concurrent.atomic.AtomicLong();
    private ScheduledFuture<?> next;

    public SpoolDrainer(DurableSpool spool, DurableSpool.Sender sender, Duration interval, Backoff retry) {
        this(spool, sender, interval, retry, Duration.ZERO);
    }

    /** @param drainOnStop how long {@link #stop()} may drain what is left (zero: not at all) */
    public SpoolDrainer(DurableSpool spool, DurableSpool.Sender sender, Duration interval, Backoff retry,
            Duration drainOnStop) {
        this.drainOnStop = drainOnStop;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the drain interval must be positive, not " + interval);
        }
        this.spool = spool;
        this.sender = sender;
        this.interval = interval;
        // without an attempt limit (SpoolProperties refuses one): the drain never gives up on what the spool holds
        this.retry = retry.validated();
    }

    /** Starts draining at once, then every interval. Starting a running drainer does nothing. */
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                return;
            }
            stopping = false;
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                String name = "crossdock-spool-drainer-" + spool.options().directory().getFileName();
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            // A backoff wait pending at stop() must not delay the shutdown.
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            // Published before the first run, which reads it to schedule the next one.
            scheduler = executor;
            executor.execute(() -> next = executor.schedule(() -> drainOnce(executor), 0, TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Drains as soon as the drain thread is free, unless it is backing off after a failure: a caller
     * that spools because Kafka is down must not hammer Kafka with drains.
     */
    public void drainNow() {
        ScheduledThreadPoolExecutor executor = scheduler;
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> {
                if (consecutiveFailures == 0 && next != null && next.cancel(false)) {
                    next = executor.schedule(() -> drainOnce(executor), 0, TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException stopped) {
            log.debug("Spool drainer is stopping; drainNow ignored");
        }
    }

    /** Stops scheduling, lets the running drain finish its sends and persist the position, then returns. */
    public void stop() {
        ScheduledThreadPoolExecutor executor;
        synchronized (lifecycle) {
            executor = scheduler;
            scheduler = null;
        }
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdown();
        try {
            long waitMillis = spool.options().sendTimeout().plusSeconds(5).toMillis();
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                log.warn("Spool drainer did not stop within {} ms; interrupting it", waitMillis);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        drainWhatIsLeft();
    }

    private void drainWhatIsLeft() {
        if (drainOnStop.isZero() || drainOnStop.isNegative() || spool.depth() == 0) {
            return;
        }
        if (consecutiveFailures > 0) {
            log.warn("Stopping with {} records in the spool while Kafka fails: they wait in {} for the next start "
                    + "(or operator spool drain)", spool.depth(), spool.options().directory());
            return;
        }
        long deadline = System.nanoTime() + drainOnStop.toNanos();
        DrainResult result;
        try {
            result = spool.drain(sender, () -> System.nanoTime() > deadline);
        } catch (RuntimeException e) {
            result = new DrainResult(0, e);
        }
        long left = spool.depth();
        if (left == 0) {
            log.info("Spool drained on stop: {} records sent", result.delivered());
        } else {
            log.warn("Stopping with {} records left in the spool after draining {} for {}: they wait in {} for the "
                    + "next start (or operator spool drain)", left, result.delivered(), drainOnStop,
                    spool.options().directory());
        }
    }

    public boolean isRunning() {
        return scheduler != null;
    }

    /** Failed drains since the last good one; 0 while Kafka takes what the spool sends. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    private void drainOnce(ScheduledThreadPoolExecutor executor) {
        if (stopping) {
            return;
        }
        DrainResult result;
        try {
            result = spool.drain(sender, () -> stopping);
        } catch (RuntimeException e) {
            result = new DrainResult(0, e);
        }
        record(result);
        // Only the executor still current schedules: a drain finishing after stop() must not start a chain.
        if (!stopping && scheduler == executor) {
            next = executor.schedule(() -> drainOnce(executor), delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Scheduled drains run so far, for tests. */
    long drains() {
        return drains.get();
    }

    private void record(DrainResult result) {
        drains.incrementAndGet();
        if (result.succeeded()) {
            if (consecutiveFailures > 0) {
                log.info("Spool drain recovered after {} failed attempts; {} records sent", consecutiveFailures,
                        result.delivered());
            }
            consecutiveFailures = 0;
            return;
        }
        consecutiveFailures++;
        if (result.failure() instanceof SpoolCorruptedException) {
            log.error("Spool drain stopped at a damaged record; an operator must inspect the spool",
                    result.failure());
        } else {
            log.warn("Spool drain stopped after {} records (attempt {}): {}", result.delivered(),
                    consecutiveFailures, result.failure().toString());
        }
    }

    private Duration delay() {
        return consecutiveFailures == 0 ? interval : retry.jitteredDelay(consecutiveFailures);
    }
}
