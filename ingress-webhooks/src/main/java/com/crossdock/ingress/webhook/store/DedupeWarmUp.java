package com.crossdock.ingress.webhook.store;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;

/**
 * Rebuilds one provider's {@link DedupeMemory} from its raw topic ({@link DedupeRebuilder}) on a thread of its own
 * ({@code ingress-dedupe-rebuild-<provider>}), again and again (waiting as the {@code retry} backoff says) until
 * Kafka can be read. The health contributor {@code dedupeMemory} starts and stops it with the service and shows
 * whether every provider's is {@link #done()}; readiness does not wait for it. A webhook that arrives meanwhile is still accepted:
 * Prodsmart never retries, so refusing it would lose it, and the event ids derived from the delivery id make a
 * duplicate harmless downstream.
 */
public final class DedupeWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DedupeWarmUp.class);

    private final String provider;
    private final DedupeRebuilder rebuilder;
    private final DedupeMemory memory;
    private final Backoff retry;
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread thread;

    /**
     * @param provider the webhook provider whose memory this is: names the thread
     * @param retry    without an attempt limit (IngressProperties refuses one): giving up would keep readiness down
     *                 for good
     */
    public DedupeWarmUp(String provider, DedupeRebuilder rebuilder, DedupeMemory memory, Backoff retry) {
        this.provider = provider;
        this.rebuilder = rebuilder;
        this.memory = memory;
        this.retry = retry.validated();
    }

    public void start() {
        Thread worker = new Thread(this::rebuildUntilDone, "ingress-dedupe-rebuild-" + provider);
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** True once the memory holds every delivery id Kafka had in the window at start-up. */
    public boolean done() {
        return done.getCount() == 0;
    }

    /** This provider's part of the readiness contributor: UP with the ids remembered once done. */
    public Health health() {
        return done() ? Health.up().withDetail("remembered", memory.size()).build()
                : Health.outOfService().withDetail("dedupe", "rebuilding the delivery-id memory from Kafka").build();
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
                    log.warn("Dedupe memory rebuild of {} failed, retrying in {}: {}", provider, wait, e.toString());
                }
                stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        stopping.countDown();
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
        }
        thread = null;
    }
}
