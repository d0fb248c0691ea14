package com.crossdock.platform.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.RetryListener;

/**
 * Remembers, per failing record, how many deliveries failed and when the first one did, for the dead letter. One
 * entry per partition at most: the error handler retries a partition's failing record in place before it reads the
 * next, so only the latest failure of a partition can still be retried, and a record that failed once and then
 * succeeded leaves nothing behind but that partition's one entry, replaced by its next failure.
 */
final class FailureTracker implements RetryListener {

    record Failure(Instant firstFailedAt, int attempts) {
    }

    private record Tracked(long offset, Failure failure) {
    }

    private final Map<TopicPartition, Tracked> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    FailureTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        failures.compute(partition(record), (partition, earlier) -> earlier != null && earlier.offset() == record.offset()
                ? new Tracked(record.offset(), new Failure(earlier.failure().firstFailedAt(), deliveryAttempt))
                : new Tracked(record.offset(), new Failure(clock.instant(), deliveryAttempt)));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        failures.computeIfPresent(partition(record),
                (partition, tracked) -> tracked.offset() == record.offset() ? null : tracked);
    }

    Failure failureOf(ConsumerRecord<?, ?> record) {
        Tracked tracked = failures.get(partition(record));
        return tracked != null && tracked.offset() == record.offset() ? tracked.failure()
                : new Failure(clock.instant(), 1);
    }

    /** Entries held: at most one per partition that ever failed. */
    int size() {
        return failures.size();
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
