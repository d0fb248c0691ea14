package com.crossdock.platform.kafka;

import java.time.Instant;
import java.time.ZoneOffset;

import org.threeten.extra.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTrackerTest {

    private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

    private final MutableClock clock = MutableClock.of(START, ZoneOffset.UTC);
    private final FailureTracker tracker = new FailureTracker(clock);

    @Test
    void countsTheAttemptsOfARecordFromItsFirstFailure() {
        ConsumerRecord<String, String> record = record(0, 7);
        tracker.failedDelivery(record, new IllegalStateException(), 1);
        clock.add(java.time.Duration.ofSeconds(3));
        tracker.failedDelivery(record, new IllegalStateException(), 2);

        assertThat(tracker.failureOf(record)).isEqualTo(new FailureTracker.Failure(START, 2));
    }

    @Test
    void recordsThatFailedOnceAndThenSucceededLeaveAtMostOneEntryPerPartition() {
        for (long offset = 0; offset < 10_000; offset++) {
            tracker.failedDelivery(record((int) (offset % 3), offset), new IllegalStateException(), 1);
        }

        assertThat(tracker.size()).isEqualTo(3);
        assertThat(tracker.failureOf(record(0, 3)).attempts()).as("an older failure is forgotten").isEqualTo(1);
    }

    @Test
    void aDeadLetteredRecordIsForgotten() {
        ConsumerRecord<String, String> record = record(1, 42);
        tracker.failedDelivery(record, new IllegalStateException(), 5);
        tracker.recovered(record, new IllegalStateException());

        assertThat(tracker.size()).isZero();
    }

    private static ConsumerRecord<String, String> record(int partition, long offset) {
        return new ConsumerRecord<>("crossdock.order-placed.v1", partition, offset, "k", "v");
    }
}
