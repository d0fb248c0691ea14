package com.crossdock.ingress.webhook.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.crossdock.ingress.webhook.RawRecordHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a provider's {@link DedupeMemory} from its raw topic (and its quarantine topic, where it keeps one), so
 * that it survives a restart: reads every partition from {@code now - window} (found with {@code offsetsForTimes}) up to the end offsets taken at the start, and
 * remembers the delivery id header of each record with its {@code crossdock.received-at}.
 */
public final class DedupeRebuilder {

    private static final Logger log = LoggerFactory.getLogger(DedupeRebuilder.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REQUEST = Duration.ofSeconds(15);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final List<String> topics;
    private final String deliveryIdHeader;
    private final DedupeMemory memory;
    private final Clock clock;

    public DedupeRebuilder(Supplier<Consumer<byte[], byte[]>> consumers, List<String> topics, String deliveryIdHeader,
            DedupeMemory memory, Clock clock) {
        this.consumers = consumers;
        this.topics = List.copyOf(topics);
        this.deliveryIdHeader = deliveryIdHeader;
        this.memory = memory;
        this.clock = clock;
    }

    /** Reads the window once; returns how many delivery ids it found. Throws when Kafka cannot be read. */
    public int rebuild() {
        long from = clock.instant().minus(memory.window()).toEpochMilli();
        int found = 0;
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> known = consumer.partitionsFor(topic, REQUEST);
                if (known == null || known.isEmpty()) {
                    // the service declares its raw topics at start: none means a broker that did not answer (or
                    // not yet), not an empty memory
                    throw new IllegalStateException("no partitions of " + topic + " known yet: the broker is "
                            + "unreachable or the topic is not created yet");
                }
                known.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, REQUEST);
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, from));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(times, REQUEST);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = start.get(partition);
                consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            while (behind(consumer, partitions, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    String deliveryId = RawRecordHeaders.deliveryId(record.headers(), deliveryIdHeader);
                    if (deliveryId != null) {
                        memory.remember(deliveryId,
                                RawRecordHeaders.receivedAt(record.headers(), Instant.ofEpochMilli(record.timestamp())));
                        found++;
                    }
                }
            }
        }
        log.info("Dedupe memory rebuilt from {}: {} delivery ids of the last {}", topics, found, memory.window());
        return found;
    }

    private static boolean behind(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, REQUEST) < end.get(partition)) {
                return true;
            }
        }
        return false;
    }
}
