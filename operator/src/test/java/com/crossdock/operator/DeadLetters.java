package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TestKafka;
import com.crossdock.testing.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A consumer group's topics on the test broker, with dead letters written the way the platform writes them. */
final class DeadLetters {

    final String source;
    final String group;
    final String dlt;
    final String retry;
    final String parked;

    private DeadLetters(String source, String group) {
        this.source = source;
        this.group = group;
        this.dlt = Topics.deadLetterTopic(source, group);
        this.retry = Topics.retryTopic(source, group);
        this.parked = Topics.parkedTopic(source, group);
    }

    /** Fresh topics (unique names: the broker is shared by the JVM) with {@code partitions} partitions. */
    static DeadLetters create(String name, int partitions) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        DeadLetters topics = new DeadLetters("crossdock." + name + "-" + id + ".v1", "grp-" + id);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.source, partitions, (short) 1), new NewTopic(topics.dlt, partitions, (short) 1),
                    new NewTopic(topics.retry, partitions, (short) 1))).all().get();
        }
        return topics;
    }

    /** A topic's {@code retention.ms} as the broker has it (its own, or the broker's default). */
    static String retention(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            org.apache.kafka.common.config.ConfigResource resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG).value();
        }
    }

    static KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A dead letter as KafkaConventionsConfiguration writes it: original headers plus the crossdock.dlt.* diagnostics. */
    ProducerRecord<byte[], byte[]> deadLetter(String key, byte[] value, String failureClass, Map<String, String> extraHeaders) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlt, utf8(key), value);
        record.headers().add(EventPublisher.EVENT_TYPE, utf8("StockChanged"));
        record.headers().add("x-original", new byte[] {1, 2, (byte) 0xff});
        record.headers().add(DeadLetterHeaders.FIRST_FAILED_AT, utf8("2026-01-01T00:00:00Z"));
        record.headers().add(DeadLetterHeaders.ATTEMPTS, utf8("1"));
        record.headers().add(DeadLetterHeaders.FAILURE_CLASS, utf8(failureClass));
        record.headers().add(DeadLetterHeaders.FAILURE_MESSAGE, utf8("vendor refused " + key));
        record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(source));
        record.headers().add(DeadLetterHeaders.ORIGINAL_PARTITION, utf8("0"));
        record.headers().add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8("7"));
        record.headers().add(DeadLetterHeaders.CONSUMER_GROUP, utf8(group));
        extraHeaders.forEach((name, value2) -> record.headers().add(name, utf8(value2)));
        return record;
    }

    void send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    /** Every record on {@code topic} now (reads to the end offsets). */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicReader.shared().all(topic);
    }

    static Set<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return Set.copyOf(records.stream().map(r -> key(r)).toList());
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return RecordHeaders.text(record, name);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
