package com.crossdock.platform.serde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.crossdock.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's records in a compacted one-partition topic on the broker it serves, as Confluent's registry
 * keeps its {@code _schemas}: read from the beginning at start, so that ids, versions and settings survive a
 * restart; each write acknowledged by the broker before the registry answers.
 */
final class KafkaSchemaStore implements SchemaStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> clientSettings;
    private final KafkaProducer<String, String> producer;

    private KafkaSchemaStore(String topic, Map<String, Object> clientSettings) {
        this.topic = topic;
        this.clientSettings = clientSettings;
        Map<String, Object> producerSettings = new HashMap<>(clientSettings);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer());
    }

    /** The store in {@code topic} on the broker at {@code bootstrapServers}, the topic created when missing. */
    static KafkaSchemaStore open(String bootstrapServers, String topic) {
        return open(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /**
     * The store in {@code topic}, reached with the Kafka client settings {@code settings} (bootstrap servers and, on
     * a secured cluster, the same {@code security.protocol}, {@code sasl.*} and {@code ssl.*} as every client).
     */
    static KafkaSchemaStore open(Map<String, Object> settings, String topic) {
        Object bootstrapServers = settings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(settings)) {
            NewTopic declared = TopicDeclarations.schemas();
            NewTopic store = new NewTopic(topic, Optional.of(declared.numPartitions()), Optional.empty())
                    .configs(declared.configs());
            admin.createTopics(List.of(store)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schema store " + topic + " on " + bootstrapServers, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the schema store " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " did not create " + topic + " in " + TIMEOUT, e);
        }
        return new KafkaSchemaStore(topic, settings);
    }

    @Override
    public List<Entry> readAll() {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<Entry> entries = new ArrayList<>();
        Map<String, Object> consumerSettings = new HashMap<>(clientSettings);
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings,
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the schema store " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    entries.add(new Entry(record.key(), record.value()));
                }
            }
        }
        return entries;
    }

    @Override
    public void append(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to the schema store " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the schema store " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
