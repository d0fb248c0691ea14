package com.crossdock.platform.poller;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.crossdock.platform.events.EventPublisher;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.ClassUtils;

/**
 * Serializes outgoing records to bytes up front, with the headers {@link EventPublisher} adds, so the
 * same bytes go to Kafka or, when Kafka cannot take them, to the spool. When an event cannot be
 * serialized (the schema registry unreachable on a first use), the item is not lost: its event goes to
 * the raw topic as JSON, with the reason.
 */
public final class RecordEncoder {

    private final Serializer<Object> valueSerializer;
    private final StringSerializer keySerializer = new StringSerializer();
    private final RawItems raw;

    RecordEncoder(Serializer<Object> valueSerializer, RawItems raw) {
        this.valueSerializer = valueSerializer;
        this.raw = raw;
    }

    /** With the service's value serializer ({@code spring.kafka.producer.value-serializer} and its properties). */
    @SuppressWarnings("unchecked")
    static RecordEncoder forProducer(KafkaProperties kafka, RawItems raw) {
        Map<String, Object> config = kafka.buildProducerProperties();
        Object type = config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        Class<?> serializerClass = type instanceof Class<?> c ? c
                : ClassUtils.resolveClassName(String.valueOf(type), RecordEncoder.class.getClassLoader());
        Serializer<Object> serializer = (Serializer<Object>) BeanUtils.instantiateClass(serializerClass);
        serializer.configure(config, false);
        return new RecordEncoder(serializer, raw);
    }

    public ProducerRecord<byte[], byte[]> encode(Outgoing outgoing) {
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
            topic = raw.topic();
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        EventPublisher.addEventHeaders(record.headers(), event);
        if (!topic.equals(outgoing.topic())) {
            record.headers().add(raw.mappingErrorHeader(), utf8("not serializable for " + outgoing.topic()));
        }
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
