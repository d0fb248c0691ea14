package com.crossdock.paqtana.view;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ViewProgressTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final ViewProgress progress = new ViewProgress();
    private final AtomicInteger caughtUpCalls = new AtomicInteger();

    @Test
    void catchesUpOnceEveryPartitionReachedItsStartUpEnd() {
        progress.onCaughtUp(caughtUpCalls::incrementAndGet);
        progress.start(Map.of(P0, 0L, P1, 5L), Map.of(P0, 3L, P1, 5L));
        assertThat(progress.caughtUp()).isFalse();
        assertThat(progress.lag()).isEqualTo(3);

        progress.applied(P0, 1);
        assertThat(progress.caughtUp()).isFalse();
        progress.applied(P0, 2);
        progress.applied(P0, 3);

        assertThat(progress.caughtUp()).isTrue();
        assertThat(caughtUpCalls).hasValue(1);
    }

    @Test
    void emptyTopicsAreCaughtUpAtStart() {
        progress.onCaughtUp(caughtUpCalls::incrementAndGet);
        progress.start(Map.of(P0, 7L), Map.of(P0, 7L));

        assertThat(progress.caughtUp()).isTrue();
        assertThat(caughtUpCalls).hasValue(1);
    }

    @Test
    void consumerPositionPastAGapCountsAsRead() {
        progress.start(Map.of(P0, 0L), Map.of(P0, 10L));

        progress.advance(P0, 10);

        assertThat(progress.caughtUp()).isTrue();
    }

    @Test
    void healthIsOutOfServiceUntilCaughtUp() {
        ViewHealthIndicator health = new ViewHealthIndicator(progress);
        progress.start(Map.of(P0, 0L), Map.of(P0, 2L));
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        progress.applied(P0, 1);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
