package com.crossdock.poller;

import java.nio.charset.StandardCharsets;

import com.crossdock.platform.events.EventPublisher;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Serializes outgoing records to bytes up front, with the headers {@link EventPublisher} adds, so the
 * same bytes go to Kafka or, when Kafka cannot take them, to the spool. When an event cannot be
 * serialized (the schema registry unreachable on a first use), the item is not lost: its event goes to
 * the raw topic as JSON, with the reason.
 */
final class RecordEncoder {

    private final Serializer<Object> valueSerializer;
    private final StringSerializer keySerializer = new StringSerializer();
    private final String rawTopic;

    RecordEncoder(Serializer<Object> valueSerializer, String rawTopic) {
        this.valueSerializer = valueSerializer;
        this.rawTopic = rawTopic;
    }

    ProducerRecord<byte[], byte[]> encode(Outgoing outgoing) {
        byte[] key = keySerializer.serialize(outgoing.topic(), outgoing.key());
        if (outgoing.event() == null) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(outgoing.topic(), key, outgoing.raw());
            outgoing.headers().forEach((name, value) -> record.headers().add(name, utf8(value)));
            return record;
        }
        SpecificRecord event = outgoing.event();
        byte[] value;
        String topic = outgoing.topic();
        try {
            value = valueSerializer.serialize(topic, event);
        } catch (RuntimeException unserializable) {
            value = utf8(event.toString());
            topic = rawTopic;
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        EventPublisher.addEventHeaders(record.headers(), event);
        if (!topic.equals(outgoing.topic())) {
            record.headers().add(ItemRouter.HEADER_MAPPING_ERROR, utf8("not serializable for " + outgoing.topic()));
        }
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
