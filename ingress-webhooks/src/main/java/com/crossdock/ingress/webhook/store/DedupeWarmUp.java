package com.crossdock.ingress.webhook.store;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link DedupeRebuilder} in the background at start-up, again and again (waiting as the {@code retry}
 * backoff says) until Kafka can be read, and keeps the readiness probe OUT_OF_SERVICE until it is done (it is
 * part of the readiness group). A webhook that arrives meanwhile is still accepted: Prodsmart never retries, so
 * refusing it would lose it, and the uuid-derived event ids make a duplicate harmless downstream.
 */
public final class DedupeWarmUp implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DedupeWarmUp.class);

    private final DedupeRebuilder rebuilder;
    private final DedupeMemory memory;
    private final Backoff retry;
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread thread;

    /** {@code retry} has no attempt limit (IngressProperties refuses one): giving up would keep readiness down for good. */
    public DedupeWarmUp(DedupeRebuilder rebuilder, DedupeMemory memory, Backoff retry) {
        this.rebuilder = rebuilder;
        this.memory = memory;
        this.retry = retry.validated();
    }

    @Override
    public void start() {
        Thread worker = new Thread(this::rebuildUntilDone, "ingress-dedupe-rebuild");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** True once the memory holds every uuid Kafka had in the window at start-up. */
    public boolean done() {
        return done.getCount() == 0;
    }

    @Override
    public Health health() {
        return done() ? Health.up().withDetail("remembered", memory.size()).build()
                : Health.outOfService().withDetail("dedupe", "rebuilding the webhook uuid memory from Kafka").build();
    }

    private void rebuildUntilDone() {
        Backoff.Sequence waits = retry.sequence();
        try {
            while (stopping.getCount() > 0) {
                Duration wait;
                try {
                    rebuilder.rebuild();
                    done.countDown();
                    return;
                } catch (RuntimeException e) {
                    // whatever went wrong, readiness must not stay down for good: try again
                    wait = waits.next();
                    log.warn("Dedupe memory rebuild failed, retrying in {}: {}", wait, e.toString());
                }
                stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
