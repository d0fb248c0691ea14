package com.crossdock.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic without a consumer group (nothing committed, no rebalance): from the beginning, an offset or a
 * time, up to the end offsets seen at the start, or on and on when following.
 */
final class TopicScan {

    /** Where to start: {@code offset} and {@code time} are alternatives; neither means the beginning. */
    record Start(Long offset, Instant time) {
        static final Start BEGINNING = new Start(null, null);
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Duration timeout;

    TopicScan(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Duration timeout) {
        this.consumer = consumer;
        this.partitions = partitions;
        this.timeout = timeout;
    }

    /** Calls {@code visitor} for each record in offset order per partition until it answers false. */
    void scan(Start start, boolean follow, Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        seek(start, end);
        while (follow || !reached(end)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (!follow && record.offset() >= end.get(tp)) {
                    continue;
                }
                if (!visitor.test(record)) {
                    return;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Depth per partition: what a scan to the end would read (end minus beginning offsets). */
    Map<TopicPartition, long[]> bounds() {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, long[]> bounds = new HashMap<>();
        partitions.forEach(tp -> bounds.put(tp, new long[] {begin.get(tp), end.get(tp)}));
        return bounds;
    }

    private void seek(Start start, Map<TopicPartition, Long> end) {
        if (start.time() != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, start.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
            partitions.forEach(tp -> consumer.seek(tp, found.get(tp) == null ? end.get(tp) : found.get(tp).offset()));
        } else if (start.offset() != null) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            partitions.forEach(tp -> consumer.seek(tp, Math.min(end.get(tp), Math.max(begin.get(tp), start.offset()))));
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp, timeout) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }
}
