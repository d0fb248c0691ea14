package com.crossdock.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic, as it is now, byte for byte and without a consumer group: what a test checks was (or
 * was not) stored. A topic the broker does not have reads as empty and is not created by reading it.
 */
public final class TopicReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public TopicReader(List<String> bootstrapServers) {
        this(String.join(",", bootstrapServers));
    }

    /** A reader of the JVM's shared test broker ({@link TestKafka}). */
    public static TopicReader shared() {
        return new TopicReader(TestKafka.bootstrapServers());
    }

    /** Every record of the topic up to its current end, partition by partition in offset order. */
    public List<ConsumerRecord<byte[], byte[]>> all(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            // asked first: partitionsFor on a missing topic would have a broker that auto-creates topics create it
            if (!consumer.listTopics(TIMEOUT).containsKey(topic)) {
                return records;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    /** The records of the topic whose last {@code header} is {@code value}. */
    public List<ConsumerRecord<byte[], byte[]>> withHeader(String topic, String header, String value) {
        return all(topic).stream().filter(hasHeader(header, value)).toList();
    }

    public static Predicate<ConsumerRecord<byte[], byte[]>> hasHeader(String name, String value) {
        return record -> value.equals(header(record, name));
    }

    /** The last value of the header {@code name} as UTF-8 text, or null when the record has none. */
    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
