package com.crossdock.platform.spool;

import java.io.IOException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health contributor {@code spool}, for readiness: DOWN once the spool's writer refuses appends (a disk error),
 * since a service that answers 2xx only once a record is in Kafka or the spool cannot keep that promise while Kafka is
 * away; UP otherwise, with what waits, and {@code writeRefused} while the file system refuses its writes (no space
 * left: the appends fail, 503, and the next are tried again). It does not depend on Kafka: a service with a working spool is ready during a
 * broker outage, which is when the spool is needed.
 */
public final class SpoolHealth implements HealthIndicator {

    private final DurableSpool spool;

    public SpoolHealth(DurableSpool spool) {
        this.spool = spool;
    }

    @Override
    public Health health() {
        IOException broken = spool.broken();
        Health.Builder health = broken == null ? Health.up() : Health.down()
                .withDetail("error", "the spool refuses appends after a disk error; a restart reopens it: "
                        + broken.getMessage());
        IOException refused = spool.lastRefusedWrite();
        if (refused != null) {
            // UP: a spool that cannot write now still answers (503 for what it cannot keep), and heals by itself
            health.withDetail("writeRefused", "the file system refuses spool writes (appends answered 503 until it "
                    + "takes them again): " + refused.getMessage());
        }
        return health.withDetail("depth", spool.depth()).withDetail("bytes", spool.bytes())
                .withDetail("setAside", spool.setAsideDepth()).withDetail("damagedSetAside", spool.damagedCount())
                .build();
    }
}
