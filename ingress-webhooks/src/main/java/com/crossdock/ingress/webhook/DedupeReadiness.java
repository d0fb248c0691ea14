package com.crossdock.ingress.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.ingress.webhook.store.DedupeWarmUp;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * The health contributor {@code dedupeMemory}: whether every provider's memory of delivery ids is rebuilt from its raw
 * topic yet (each by its own {@link DedupeWarmUp}, started and stopped with the service). Always UP, and not part of
 * readiness: webhooks are taken (into the spool while Kafka is away) before the rebuild completes; until then a
 * repeat of a delivery received before the start is stored again, and the consumers' event-id dedupe sees one fact.
 */
final class DedupeReadiness implements SmartLifecycle, HealthIndicator {

    private final Map<String, DedupeWarmUp> warmUps;
    private volatile boolean running;

    /** Whether every provider's memory is rebuilt. */
    boolean rebuilt() {
        return warmUps.values().stream().allMatch(DedupeWarmUp::done);
    }

    /** @param warmUps each provider's, by its name */
    DedupeReadiness(Map<String, DedupeWarmUp> warmUps) {
        this.warmUps = new LinkedHashMap<>(warmUps);
    }

    @Override
    public Health health() {
        boolean done = warmUps.values().stream().allMatch(DedupeWarmUp::done);
        Health.Builder health = Health.up().withDetail("rebuilt", done);
        warmUps.forEach((provider, warmUp) -> health.withDetail(provider, warmUp.health().getDetails()));
        return health.build();
    }

    @Override
    public void start() {
        warmUps.values().forEach(DedupeWarmUp::start);
        running = true;
    }

    @Override
    public void stop() {
        warmUps.values().forEach(DedupeWarmUp::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
