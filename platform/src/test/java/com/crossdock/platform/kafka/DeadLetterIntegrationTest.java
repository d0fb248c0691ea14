package com.crossdock.platform.kafka;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.serde.AvroSerializer;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.platform.serde.RestSchemaRegistryClient;
import com.crossdock.platform.serde.SchemaRegistryClient;
import com.crossdock.platform.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = DeadLetterIntegrationTest.App.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "crossdock.kafka.partitions=1",
        "crossdock.kafka.retry.max-attempts=3",
        "crossdock.kafka.retry.initial-interval=50ms",
        "crossdock.kafka.retry.max-interval=100ms",
        "crossdock.vendors.breaker-vendor.circuit-breaker.wait-in-open-state=3s",
        "crossdock.vendors.breaker-vendor.retry.max-attempts=1",
        "spring.main.web-application-type=none"})
@EmbeddedKafka(partitions = 1)
class DeadLetterIntegrationTest {

    static final String GROUP = "dlt-test";
    static final String TOPIC = Topics.STOCK_CHANGED;
    static final String DLT = Topics.deadLetterTopic(TOPIC, GROUP);
    static final InProcessSchemaRegistry REGISTRY = InProcessSchemaRegistry.start(0);

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.properties.schema.registry.url", REGISTRY::url);
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    RawRecordSender raw;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    Listener listener;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    com.crossdock.platform.vendor.VendorPolicies vendors;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry containers;

    @Test
    void poisonRecordGoesToTheDeadLetterTopicByteForByteAndTheConsumerGoesOn() throws Exception {
        byte[] key = "poison-key".getBytes(StandardCharsets.UTF_8);
        byte[] value = {0x13, 0x37, 0x00, (byte) 0xff};
        ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(TOPIC, key, value);
        poison.headers().add("x-original", new byte[] {1, 2, 3});
        raw.send(poison).get();
        publisher.publish(TOPIC, "after-poison", event("after-poison")).block();

        ConsumerRecord<byte[], byte[]> dead = deadLetterWithKey("poison-key");
        assertThat(dead.value()).containsExactly(value);
        assertThat(dead.headers().lastHeader("x-original").value()).containsExactly(1, 2, 3);
        assertThat(header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo(PoisonRecordException.class.getName());
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(dead, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo(GROUP);
        assertThat(header(dead, DeadLetterHeaders.FIRST_FAILED_AT)).isNotBlank();
        await().untilAsserted(() -> assertThat(listener.handled).contains("after-poison"));
    }

    @Test
    void recordWhoseSchemaTheRegistryDoesNotKnowYetIsRetriedBeyondTheAttemptLimitAndConsumedOnceItAppears()
            throws Exception {
        // the writer's schema as another registry holds it: StockChanged with a property, so a new id here
        Schema writer = new Schema.Parser().parse(StockChanged.getClassSchema().toString());
        writer.addProp("crossdock.test", "written-elsewhere");
        int nextId = nextFreeSchemaId();
        byte[] value = new AvroSerializer(new FixedIdRegistry(nextId), true, false).serialize(TOPIC, event("late-schema"));
        raw.send(new ProducerRecord<>(TOPIC, "late-schema".getBytes(StandardCharsets.UTF_8), value)).get();

        // max-attempts is 3 here: more attempts than that and no dead letter means it is waited for
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(listener.attempts("late-schema")).isGreaterThan(5));
        assertThat(listener.handled).doesNotContain("late-schema");
        assertThat(new RestSchemaRegistryClient(REGISTRY.url()).register(TOPIC + "-value", writer)).isEqualTo(nextId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.handled).contains("late-schema"));
        publisher.publish(TOPIC, "after-late-schema", event("after-late-schema")).block();
        await().untilAsserted(() -> assertThat(listener.handled).contains("after-late-schema"));
        assertThat(deadLetterKeys()).doesNotContain("late-schema");
    }

    @Test
    void transientFailureIsRetriedInPlaceAndNotDeadLettered() {
        listener.failuresLeft.put("flaky", new AtomicInteger(2));

        publisher.publish(TOPIC, "flaky", event("flaky")).block();

        await().untilAsserted(() -> assertThat(listener.handled).contains("flaky"));
        assertThat(listener.failuresLeft.get("flaky").get()).isZero();
    }

    @Test
    void permanentFailureIsDeadLetteredAtOnceWithItsDetails() {
        publisher.publish(TOPIC, "permanent", event("permanent")).block();

        ConsumerRecord<byte[], byte[]> dead = deadLetterWithKey("permanent");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(dead, "crossdock.vendor.status")).isEqualTo("400");
        assertThat(header(dead, DeadLetterHeaders.FAILURE_MESSAGE)).contains("vendor refused");
        assertThat(new String(dead.headers().lastHeader(EventPublisher.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("StockChanged");
    }

    @Test
    void exhaustedRetriesAreDeadLetteredWithTheAttemptCount() {
        listener.failuresLeft.put("always", new AtomicInteger(Integer.MAX_VALUE));

        publisher.publish(TOPIC, "always", event("always")).block();

        ConsumerRecord<byte[], byte[]> dead = deadLetterWithKey("always");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void whileAVendorsBreakerIsOpenItsGroupWaitsPausedAndResumesWhenItHalfOpensWithoutDeadLetters() {
        io.github.resilience4j.circuitbreaker.CircuitBreaker breaker =
                vendors.forVendor("breaker-vendor").circuitBreaker();
        breaker.transitionToOpenState();

        publisher.publish(TOPIC, "breaker-held", event("breaker-held")).block();

        org.springframework.kafka.listener.MessageListenerContainer container = containers.getListenerContainer(GROUP);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(listener.attempts("breaker-held")).isPositive();
            assertThat(container.isPauseRequested()).as("paused while the breaker is open").isTrue();
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.handled).contains("breaker-held"));
        assertThat(container.isPauseRequested()).as("resumed once it half-opened").isFalse();
        assertThat(listener.attempts("breaker-held")).as("not a retry per backoff while open").isLessThan(4);
        assertThat(deadLetterKeys()).doesNotContain("breaker-held");
    }

    @Test
    void theGroupsDeclarationCreatesItsTopicsAndItsListenerReadsItsRetryTopic() throws Exception {
        String retry = Topics.retryTopic(TOPIC, GROUP);
        assertThat(admin.describeTopics(retry, DLT)).containsOnlyKeys(retry, DLT);

        publisher.publish(retry, "replayed", event("replayed")).block();

        await().untilAsserted(() -> assertThat(listener.handled).contains("replayed"));
    }

    private ConsumerRecord<byte[], byte[]> deadLetterWithKey(String key) {
        List<ConsumerRecord<byte[], byte[]>> seen = new CopyOnWriteArrayList<>();
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + key, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertThat(seen).anyMatch(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)));
            });
        }
        return seen.stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
    }

    /** Every key in the dead-letter topic so far, read to its end. */
    private List<String> deadLetterKeys() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-keys-" + System.nanoTime(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLT).stream()
                    .map(p -> new TopicPartition(DLT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return keys;
        }
    }

    /** The id the registry gives the next new schema: its ids are dense from 1. */
    private static int nextFreeSchemaId() {
        for (int id = 1; ; id++) {
            try {
                new RestSchemaRegistryClient(REGISTRY.url()).byId(id);
            } catch (SchemaRegistryException e) {
                return id;
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static StockChanged event(String productCode) {
        StockChanged event = com.crossdock.platform.serde.AvroSerdeTest.stockChanged(new BigDecimal("1.000000"));
        event.setProductCode(productCode);
        return event;
    }

    static final class VendorRefused extends RuntimeException implements Retryability, DeadLetterDetails {
        VendorRefused() {
            super("vendor refused: 400 bad row");
        }

        @Override
        public boolean transientFailure() {
            return false;
        }

        @Override
        public Map<String, String> deadLetterHeaders() {
            return Map.of("crossdock.vendor.status", "400");
        }
    }

    /** A registry that has given the writer's schema this id. */
    private record FixedIdRegistry(int id) implements SchemaRegistryClient {
        @Override
        public int register(String subject, Schema schema) {
            return id;
        }

        @Override
        public int idOf(String subject, Schema schema) {
            return id;
        }

        @Override
        public RegisteredSchema latest(String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Schema byId(int schemaId) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Listener {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        private final EventCodec codec;

        private final com.crossdock.platform.vendor.VendorPolicies vendors;

        Listener(EventCodec codec, com.crossdock.platform.vendor.VendorPolicies vendors) {
            this.codec = codec;
            this.vendors = vendors;
        }

        @KafkaListener(id = "#{@dltTestGroup.id()}", groupId = "#{@dltTestGroup.id()}",
                topics = "#{@dltTestGroup.listenTopics()}")
        void on(ConsumerRecord<byte[], byte[]> record) {
            deliveries.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new AtomicInteger())
                    .incrementAndGet();
            StockChanged event = codec.decode(record, StockChanged.class);
            if (event.getProductCode().equals("permanent")) {
                throw new VendorRefused();
            }
            if (event.getProductCode().startsWith("breaker-")) {
                // a call to a vendor under its policy: refused at once while its breaker is open
                vendors.forVendor("breaker-vendor").call("send", () -> reactor.core.publisher.Mono.just("sent")).block();
            }
            AtomicInteger left = failuresLeft.get(event.getProductCode());
            if (left != null && left.get() > 0) {
                left.decrementAndGet();
                throw new IllegalStateException("vendor unavailable (503)");
            }
            handled.add(event.getProductCode());
        }

        int attempts(String key) {
            AtomicInteger seen = deliveries.get(key);
            return seen == null ? 0 : seen.get();
        }
    }

    @SpringBootApplication
    static class App {
        @Bean
        Listener listener(EventCodec codec, com.crossdock.platform.vendor.VendorPolicies vendors) {
            return new Listener(codec, vendors);
        }

        /** The platform creates the group's retry and dead-letter topics; the listener listens on them. */
        @Bean
        ConsumerGroup dltTestGroup() {
            return new ConsumerGroup(GROUP, TOPIC);
        }
    }
}
