package com.crossdock.platform.kafka;

import com.crossdock.platform.serde.SchemaUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes the values of records that listeners receive as raw bytes. Listeners consume {@code byte[]} so that
 * a dead letter or a replay carries the exact bytes that arrived; the decoder itself is whatever Kafka
 * {@link Deserializer} is configured ({@code crossdock.kafka.event-deserializer}, Confluent keys), so
 * Confluent's own deserializer can be swapped in.
 */
public final class EventCodec {

    private final Deserializer<Object> deserializer;

    public EventCodec(Deserializer<Object> deserializer) {
        this.deserializer = deserializer;
    }

    /**
     * The record's value as {@code type}; a {@link PoisonRecordException} when it is not one, a
     * {@link SchemaUnavailableException} (transient) when its writer schema cannot be had now.
     */
    public <T> T decode(ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        Object value;
        try {
            value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (SchemaUnavailableException e) {
            throw e; // transient: the record decodes once its schema can be had
        } catch (RuntimeException e) {
            throw new PoisonRecordException("undeserializable record at " + coordinates(record) + ": " + e.getMessage(), e);
        }
        if (!type.isInstance(value)) {
            throw new PoisonRecordException("expected " + type.getSimpleName() + " at " + coordinates(record) + " but got "
                    + (value == null ? "null" : value.getClass().getName()), null);
        }
        return type.cast(value);
    }

    /** Any Avro value (specific when its class is on the classpath, generic otherwise), e.g. for tools. */
    public Object decode(String topic, byte[] value) {
        return deserializer.deserialize(topic, value);
    }

    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
