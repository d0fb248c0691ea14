package com.crossdock.platform.poller;

import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Starts the lease, the feed and the reconciliation schedule after the spool drainer, and stops them before it: the
 * drainer must outlive the last batch the feed may spool.
 */
final class PollerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollerLifecycle.class);

    private final PollerLease lease;
    private final FeedScheduler feed;
    private final ReconciliationRunner reconciliation;
    private final ReconciliationSettings settings;
    private final ZoneId zone;
    private ThreadPoolTaskScheduler cron;
    private volatile boolean running;

    PollerLifecycle(PollerLease lease, FeedScheduler feed, ReconciliationRunner reconciliation,
            ReconciliationSettings settings, ZoneId zone) {
        this.lease = lease;
        this.feed = feed;
        this.reconciliation = reconciliation;
        this.settings = settings;
        this.zone = zone;
    }

    @Override
    public synchronized void start() {
        lease.start();
        feed.start();
        if (settings.enabled()) {
            cron = new ThreadPoolTaskScheduler();
            cron.setThreadNamePrefix(reconciliation.vendor() + "-reconciliation-cron-");
            cron.setDaemon(true);
            cron.initialize();
            cron.schedule(() -> reconciliation.trigger(), new CronTrigger(settings.cron(), zone));
        }
        running = true;
        log.info("{} poller for account {} started: channels {}, reconciliation {}", reconciliation.vendor(),
                lease.account(), feed.channels(), settings.enabled() ? settings.cron() + " " + zone : "on demand only");
    }

    @Override
    public synchronized void stop() {
        if (cron != null) {
            cron.shutdown();
        }
        feed.stop();
        try {
            lease.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the spool drainer (DEFAULT_PHASE - 4096) starts, before it stops
        return DEFAULT_PHASE - 2048;
    }
}
