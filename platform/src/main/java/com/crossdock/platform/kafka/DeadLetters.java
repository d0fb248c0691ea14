package com.crossdock.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * The platform's dead-lettering, as the error handler does it ({@code <topic>.<group>.dlt}, the record's key, value
 * and headers byte for byte plus the failure's diagnostics, counted in {@code crossdock.kafka.dead_letters}), for a
 * batch listener that settles its records one by one: a record of the batch that failed for good (a vendor refused
 * that one article of an array) is dead-lettered here while the others succeed, and the batch completes. Call it on
 * the listener's thread (the group is the listener's). The error handler itself uses it too.
 */
public final class DeadLetters implements ConsumerRecordRecoverer {

    private final FailureTracker tracker;
    private final ConsumerRecordRecoverer recoverer;

    DeadLetters(FailureTracker tracker, ConsumerRecordRecoverer recoverer) {
        this.tracker = tracker;
        this.recoverer = recoverer;
    }

    /** Sends {@code record} to its group's dead-letter topic, {@code failure} its reason; returns once it is sent. */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        recoverer.accept(record, failure);
    }

    FailureTracker tracker() {
        return tracker;
    }
}
