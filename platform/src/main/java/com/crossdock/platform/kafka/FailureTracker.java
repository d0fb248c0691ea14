package com.crossdock.platform.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RetryListener;

/** Remembers, per failing record, how many deliveries failed and when the first one did, for the dead letter. */
final class FailureTracker implements RetryListener {

    record Failure(Instant firstFailedAt, int attempts) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    FailureTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        failures.merge(EventCodec.coordinates(record), new Failure(clock.instant(), deliveryAttempt),
                (earlier, now) -> new Failure(earlier.firstFailedAt(), now.attempts()));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        failures.remove(EventCodec.coordinates(record));
    }

    Failure failureOf(ConsumerRecord<?, ?> record) {
        return failures.getOrDefault(EventCodec.coordinates(record), new Failure(clock.instant(), 1));
    }
}
