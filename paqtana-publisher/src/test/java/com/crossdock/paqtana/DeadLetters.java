package com.crossdock.paqtana;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.crossdock.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a dead-letter topic of the test broker from its beginning, without a consumer group. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The dead letter whose key is {@code key}, if it is there now. */
    public static Optional<ConsumerRecord<byte[], byte[]>> find(String topic, String key) {
        return TopicReader.shared().all(topic).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .findFirst();
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return TopicReader.header(record, name);
    }
}
