package com.crossdock.poller;

import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Starts the lease, the feed and the reconciliation schedule after the spool drainer, and stops them
 * before it: the drainer must outlive the last batch the feed may spool.
 */
final class PollerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollerLifecycle.class);

    private final PollerLease lease;
    private final FeedScheduler feed;
    private final Reconciliation reconciliation;
    private final PollerProperties properties;
    private final ProdsmartProperties company;
    private ThreadPoolTaskScheduler cron;
    private volatile boolean running;

    PollerLifecycle(PollerLease lease, FeedScheduler feed, Reconciliation reconciliation, PollerProperties properties,
                    ProdsmartProperties company) {
        this.lease = lease;
        this.feed = feed;
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.company = company;
    }

    @Override
    public synchronized void start() {
        lease.start();
        feed.start();
        PollerProperties.Reconciliation settings = properties.reconciliation();
        if (settings.enabled()) {
            cron = new ThreadPoolTaskScheduler();
            cron.setThreadNamePrefix("prodsmart-reconciliation-cron-");
            cron.setDaemon(true);
            cron.initialize();
            cron.schedule(() -> reconciliation.trigger(), new CronTrigger(settings.cron(), company.timeZone()));
        }
        running = true;
        log.info("Prodsmart poller for company {} started: channels {}, reconciliation {}", company.company(),
                properties.channels(), settings.enabled() ? settings.cron() + " " + company.timeZone() : "on demand only");
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
