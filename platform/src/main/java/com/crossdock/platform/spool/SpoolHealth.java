package com.crossdock.platform.spool;

import java.io.IOException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health contributor {@code spool}, for readiness: DOWN once the spool's writer refuses appends (a disk error),
 * since a service that answers 2xx only once a record is in Kafka or the spool cannot keep that promise while Kafka is
 * away; UP otherwise, with what waits. It does not depend on Kafka: a service with a working spool is ready during a
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
        return health.withDetail("depth", spool.depth()).withDetail("bytes", spool.bytes())
                .withDetail("setAside", spool.setAsideDepth()).withDetail("damagedSetAside", spool.damagedCount())
                .build();
    }
}
