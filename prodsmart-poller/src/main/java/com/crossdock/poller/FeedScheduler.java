package com.crossdock.poller;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each channel's reads on its own thread, one after another, waiting what {@link FeedDrainer}
 * says. Every channel starts at once, so a backlog found at start-up is drained without delay; the calls
 * never bunch, because the vendor policy's limiter spaces every call of the poller evenly ("Należy
 * rozłożyć żądania równomiernie w czasie", prodsmart-api.pl.txt), and the channels stay that far apart.
 */
final class FeedScheduler {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedDrainer drainer;
    private final List<PollerProperties.Channel> channels;
    private final Duration idleInterval;
    private final Runnable warmUp;
    private volatile ScheduledThreadPoolExecutor executor;

    /** @param warmUp runs once before the first read (connects the producer), so the first batch waits for nothing else */
    FeedScheduler(FeedDrainer drainer, List<PollerProperties.Channel> channels, Duration idleInterval, Runnable warmUp) {
        this.drainer = drainer;
        this.channels = channels;
        this.idleInterval = idleInterval;
        this.warmUp = warmUp;
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(channels.size(), runnable -> {
            Thread thread = new Thread(runnable, "prodsmart-feed");
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
                log.warn("Connecting to Kafka before the first Prodsmart read failed: {}", failed.toString());
            }
            for (PollerProperties.Channel channel : channels) {
                if (!started.isShutdown()) {
                    started.execute(() -> run(started, channel));
                }
            }
        });
    }

    private void run(ScheduledThreadPoolExecutor owner, PollerProperties.Channel channel) {
        Duration next = idleInterval;
        try {
            next = drainer.drainOnce(channel);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException unexpected) {
            log.error("Draining Prodsmart channel {} failed", channel.name(), unexpected);
        }
        if (!owner.isShutdown()) {
            owner.schedule(() -> run(owner, channel), next.toMillis(), TimeUnit.MILLISECONDS);
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
                log.warn("Prodsmart feed reads did not finish within 60s; interrupting them");
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
}
