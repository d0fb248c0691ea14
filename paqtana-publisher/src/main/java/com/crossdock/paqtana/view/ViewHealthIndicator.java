package com.crossdock.paqtana.view;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Part of the readiness group: out of service until the view has read the canonical topics up to the end
 * offsets seen at start-up, and while it has left out more poison records than the operator allowed (it says
 * which of the two), since a master inventory PUT from a partial view would replace Paqtana's data with less
 * than the truth.
 */
public final class ViewHealthIndicator extends AbstractHealthIndicator {

    private final ViewProgress progress;

    public ViewHealthIndicator(ViewProgress progress) {
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (progress.complete()) {
            builder.up();
        } else if (!progress.caughtUp()) {
            builder.outOfService().withDetail("reason", "catching up").withDetail("recordsToCatchUp", progress.lag());
        } else {
            // a poison record was left out: the view is not the truth, so nothing is PUT until an operator acts
            builder.outOfService().withDetail("reason", "records skipped")
                    .withDetail("skippedRecords", progress.skippedRecords());
        }
    }
}
