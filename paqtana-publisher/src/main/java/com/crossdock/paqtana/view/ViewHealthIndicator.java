package com.crossdock.paqtana.view;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Part of the readiness group: out of service until the view has read the canonical topics up to the end
 * offsets seen at start-up, since a master inventory PUT from a partial view would replace Paqtana's data
 * with less than the truth.
 */
public final class ViewHealthIndicator extends AbstractHealthIndicator {

    private final ViewProgress progress;

    public ViewHealthIndicator(ViewProgress progress) {
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (progress.caughtUp()) {
            builder.up();
        } else {
            builder.outOfService().withDetail("recordsToCatchUp", progress.lag());
        }
    }
}
