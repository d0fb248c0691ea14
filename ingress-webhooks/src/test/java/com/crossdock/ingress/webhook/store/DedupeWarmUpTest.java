package com.crossdock.ingress.webhook.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.platform.retry.Backoff;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Readiness waits for the dedupe memory: OUT_OF_SERVICE while Kafka cannot be read, UP once it was. */
class DedupeWarmUpTest {

    private static final String TOPIC = "raw";

    private final DedupeMemory memory = new DedupeMemory(Duration.ofHours(25), 100, Clock.systemUTC());
    private final AtomicInteger attempts = new AtomicInteger();
    private DedupeWarmUp warmUp;

    @AfterEach
    void stop() {
        warmUp.stop();
    }

    @Test
    void staysOutOfServiceWhileKafkaCannotBeRead() {
        warmUp = warmUp(Integer.MAX_VALUE);
        warmUp.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(attempts.get()).isGreaterThan(2));
        assertThat(warmUp.done()).isFalse();
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("each provider's rebuild on a thread of its own").contains("ingress-dedupe-rebuild-acme");
    }

    @Test
    void becomesUpOnceTheRebuildSucceeds() {
        warmUp = warmUp(2);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        warmUp.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP));
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void remembersTheUuidsOfTheRawTopicFromTheStartOfTheWindow() {
        warmUp = warmUp(0);

        warmUp.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(warmUp.done()).isTrue());
        assertThat(memory.knows("in-window")).isTrue();
        assertThat(memory.knows("before-window")).isFalse();
    }

    /**
     * A Kafka that times out {@code failures} times, then answers with a one-partition raw topic: offset 0 is
     * older than the window, offset 1 is in it (as {@code offsetsForTimes} says) and offset 2 has no uuid.
     */
    private DedupeWarmUp warmUp(int failures) {
        DedupeRebuilder rebuilder = new DedupeRebuilder(() -> consumer(failures), List.of(TOPIC), "uuid", memory,
                Clock.systemUTC());
        return new DedupeWarmUp("acme", rebuilder, memory, Backoff.fixed(Duration.ofMillis(50)));
    }

    private Consumer<byte[], byte[]> consumer(int failures) {
        if (attempts.incrementAndGet() <= failures) {
            throw new TimeoutException("Kafka is not answering");
        }
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times, Duration timeout) {
                return Map.of(partition, new OffsetAndTimestamp(1, times.get(partition)));
            }
        };
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 3L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "before-window"));
            consumer.addRecord(record(1, "in-window"));
            consumer.addRecord(record(2, null));
        });
        return consumer;
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String uuid) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 0, offset, null, new byte[0]);
        if (uuid != null) {
            record.headers().add("uuid", uuid.getBytes(StandardCharsets.UTF_8));
            record.headers().add(RawRecordHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
