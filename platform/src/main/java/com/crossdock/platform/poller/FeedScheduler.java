package com.crossdock.platform.poller;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each channel's reads on its own thread, one after another, waiting what {@link FeedReader} says. Every
 * channel starts at once, so a backlog found at start-up is drained without delay; the calls never bunch, because
 * the vendor policy's limiter spaces every call of the account evenly (Prodsmart: "Należy rozłożyć żądania
 * równomiernie w czasie", prodsmart-api.pl.txt), and the channels stay that far apart.
 */
final class FeedScheduler {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedReader reader;
    private final List<FeedSource> sources;
    private final Duration idleInterval;
    private final Runnable warmUp;
    private final String vendor;
    private volatile ScheduledThreadPoolExecutor executor;

    /** @param warmUp runs once before the first read (connects the producer), so the first batch waits for nothing else */
    FeedScheduler(FeedReader reader, List<FeedSource> sources, Duration idleInterval, Runnable warmUp, String vendor) {
        this.reader = reader;
        this.sources = List.copyOf(sources);
        this.idleInterval = idleInterval;
        this.warmUp = warmUp;
        this.vendor = vendor;
    }

    synchronized void start() {
        if (executor != null || sources.isEmpty()) {
            return;
        }
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(sources.size(), runnable -> {
            Thread thread = new Thread(runnable, vendor + "-feed");
            thread.setDaemon(true);
            return thread;
        });
        started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = started;
        started.execute(() -> {
            try {
                warmUp.run();
            } catch (RuntimeException failed) {
                // the first batch then waits for Kafka itself, or goes to the spool
                log.warn("Connecting to Kafka before the first {} read failed: {}", vendor, failed.toString());
            }
            for (FeedSource source : sources) {
                if (!started.isShutdown()) {
                    started.execute(() -> run(started, source));
                }
            }
        });
    }

    private void run(ScheduledThreadPoolExecutor owner, FeedSource source) {
        Duration next = idleInterval;
        try {
            next = reader.readOnce(source);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException unexpected) {
            log.error("Reading {} channel {} failed", vendor, source.channel(), unexpected);
        }
        if (!owner.isShutdown()) {
            owner.schedule(() -> run(owner, source), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Lets the reads in progress finish persisting their batch, then stops. */
    synchronized void stop() {
        ScheduledThreadPoolExecutor running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("{} feed reads did not finish within 60s; interrupting them", vendor);
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    boolean isRunning() {
        return executor != null;
    }

    List<String> channels() {
        return sources.stream().map(FeedSource::channel).toList();
    }
}
