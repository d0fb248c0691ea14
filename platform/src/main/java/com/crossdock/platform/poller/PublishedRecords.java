package com.crossdock.platform.poller;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a poller has published, read back from Kafka: the latest record of each key of a compacted canonical topic,
 * from its beginning to the end it has when asked. A reconciliation compares it with what the vendor lists now, to
 * publish the removal of what the vendor no longer lists (state derived from Kafka, no private database: DESIGN.md).
 * No consumer group: nothing is committed, every read starts from the beginning.
 */
public final class PublishedRecords {

    /** How long one read of a topic may take before it fails (the reconciliation pass then fails, and deletes nothing). */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;

    /** @param consumerProperties the service's consumer properties ({@code spring.kafka.consumer.*}) */
    public PublishedRecords(Map<String, Object> consumerProperties) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = Map.copyOf(properties);
    }

    /**
     * The latest record of each key of {@code topic} (keys as UTF-8 text), up to the topic's end as of this call; a
     * tombstone (null value) removes its key.
     *
     * @throws IllegalStateException when the topic cannot be read to its end within {@link #READ_TIMEOUT}
     */
    public Map<String, ConsumerRecord<byte[], byte[]>> latest(String topic) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        Map<String, ConsumerRecord<byte[], byte[]>> latest = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            if (partitions.isEmpty()) {
                return latest;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, READ_TIMEOUT) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, record);
                    }
                }
            }
        }
        return latest;
    }
}
