package com.crossdock.platform.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. With {@code specific.avro.reader=true} it returns the generated class of
 * the writer schema's full name (read with that class's own schema, so evolution rules apply); otherwise a
 * {@code GenericRecord}.
 *
 * <p>A writer schema that cannot be had (registry unreachable, timing out, failing, or not knowing the id) is a
 * {@link SchemaUnavailableException}: transient, the record is read again later. Everything else that fails
 * (not the wire format, bytes the writer schema does not read) is a plain {@link SerializationException}: poison.
 */
public class AvroDeserializer implements Deserializer<Object> {

    private static final GenericData GENERIC = new GenericData();

    static {
        GENERIC.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
        GENERIC.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
        GENERIC.addLogicalTypeConversion(new org.apache.avro.Conversions.UUIDConversion());
    }

    private SchemaRegistryClient registry;
    private boolean specificReader;

    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient registry, boolean specificReader) {
        this.registry = registry;
        this.specificReader = specificReader;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            AvroSerdeConfig config = AvroSerdeConfig.from(configs);
            this.registry = RestSchemaRegistryClient.shared(config.registry());
            this.specificReader = config.specificReader();
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 5) {
            throw new SerializationException("not the Confluent Avro wire format: " + data.length + " bytes is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        byte magic = buffer.get();
        if (magic != AvroSerializer.MAGIC_BYTE) {
            throw new SerializationException("not the Confluent Avro wire format: unknown magic byte " + magic);
        }
        int id = buffer.getInt();
        Schema writer;
        try {
            writer = registry.byId(id);
        } catch (SchemaRegistryException e) {
            if (e.schemaMayAppear()) {
                throw new SchemaUnavailableException(id, "writer schema " + id + " unavailable: " + e.getMessage(), e);
            }
            throw new SerializationException("cannot read the writer schema " + id + ": " + e.getMessage(), e);
        }
        try {
            return reader(writer).read(null,
                    DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + writer.getFullName() + " (schema id " + id + "): " + e, e);
        }
    }

    private DatumReader<Object> reader(Schema writer) {
        if (specificReader) {
            SpecificData model = SpecificData.getForSchema(writer);
            Class<?> type = model.getClass(writer);
            if (type != null && type != Object.class) {
                SpecificData classModel = SpecificData.getForClass(type);
                return new SpecificDatumReader<>(writer, classModel.getSchema(type), classModel);
            }
        }
        return new GenericDatumReader<>(writer, writer, GENERIC);
    }
}
