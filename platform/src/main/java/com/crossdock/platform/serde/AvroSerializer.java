package com.crossdock.platform.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro in the Confluent wire format: byte 0 = 0, a 4-byte big-endian schema id, then the binary datum.
 * Subjects follow Confluent's TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key}).
 */
public class AvroSerializer implements Serializer<Object> {

    static final byte MAGIC_BYTE = 0;

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister, boolean useLatestVersion) {
        this.registry = registry;
        this.config = new AvroSerdeConfig(null, autoRegister, useLatestVersion, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            this.config = AvroSerdeConfig.from(configs);
            this.registry = RestSchemaRegistryClient.shared(config.registry());
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("AvroSerializer takes Avro records, got " + data.getClass().getName());
        }
        Schema schema = container.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(data, schema).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for " + subject + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (config.autoRegister()) {
            return registry.register(subject, schema);
        }
        if (config.useLatestVersion()) {
            SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
            // Confluent would rewrite the record into the latest schema; we refuse rather than guess a mapping.
            if (!latest.schema().equals(schema)) {
                throw new SerializationException("use.latest.version: the latest schema of " + subject
                        + " (id " + latest.id() + ") differs from the record's schema " + schema.getFullName());
            }
            return latest.id();
        }
        return registry.idOf(subject, schema);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.apache.avro.io.DatumWriter<Object> writer(Object data, Schema schema) {
        if (data instanceof SpecificRecord) {
            return new SpecificDatumWriter(schema, SpecificData.getForClass(data.getClass()));
        }
        return new GenericDatumWriter<>(schema, GenericData.get());
    }
}
