package com.crossdock.ingress.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.ingress.webhook.store.DedupeWarmUp;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * The readiness contributor {@code dedupeMemory}: OUT_OF_SERVICE until every provider's memory of delivery ids is
 * rebuilt from its raw topic (each by its own {@link DedupeWarmUp}, started and stopped with the service).
 */
final class DedupeReadiness implements SmartLifecycle, HealthIndicator {

    private final Map<String, DedupeWarmUp> warmUps;
    private volatile boolean running;

    /** @param warmUps each provider's, by its name */
    DedupeReadiness(Map<String, DedupeWarmUp> warmUps) {
        this.warmUps = new LinkedHashMap<>(warmUps);
    }

    @Override
    public Health health() {
        boolean done = warmUps.values().stream().allMatch(DedupeWarmUp::done);
        Health.Builder health = done ? Health.up() : Health.outOfService();
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
