package com.crossdock.platform.serde;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.crossdock.events.Envelope;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class AvroSerdeTest {

    private static final Schema TINY = new Schema.Parser().parse("""
            {"type":"record","name":"Tiny","namespace":"test","fields":[
              {"name":"a","type":"string"},{"name":"n","type":"int"}]}""");

    private static InProcessSchemaRegistry registry;
    private static String url;

    @BeforeAll
    static void startRegistry() {
        registry = InProcessSchemaRegistry.start(0);
        url = registry.url();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void writesTheConfluentWireFormatByteForByte() {
        GenericRecord tiny = new GenericData.Record(TINY);
        tiny.put("a", "hi");
        tiny.put("n", 1);
        AvroSerializer serializer = serializer();
        int id = new RestSchemaRegistryClient(url).register("exact-bytes-value", TINY);

        byte[] bytes = serializer.serialize("exact-bytes", tiny);

        // magic 0, schema id big-endian, then Avro binary: zigzag length 2 = 0x04, "hi", zigzag 1 = 0x02
        assertThat(bytes).containsExactly(0, (id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff,
                0x04, 'h', 'i', 0x02);
    }

    @Test
    void roundTripsACanonicalEventWithDecimalsInstantsAndUuids() {
        StockChanged event = stockChanged(new BigDecimal("-12.500000"));
        byte[] bytes = serializer().serialize("crossdock.stock-changed.v1", event);

        Object read = deserializer(true).deserialize("crossdock.stock-changed.v1", bytes);

        assertThat(read).isInstanceOf(StockChanged.class).isEqualTo(event);
    }

    @Test
    void readsGenericRecordsWhenNoSpecificReaderIsAsked() {
        byte[] bytes = serializer().serialize("generic-read", stockChanged(BigDecimal.ONE.setScale(6)));

        Object read = deserializer(false).deserialize("generic-read", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("productCode")).hasToString("P-1");
    }

    @Test
    void registersUnderTheTopicNameStrategySubject() {
        serializer().serialize("subject-check", stockChanged(BigDecimal.ONE.setScale(6)));

        assertThat(new RestSchemaRegistryClient(url).latest("subject-check-value").schema())
                .isEqualTo(StockChanged.getClassSchema());
    }

    @Test
    void rejectsBytesWithoutTheMagicByte() {
        assertThatThrownBy(() -> deserializer(true).deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    @Test
    void rejectsAnUnknownSchemaId() {
        assertThatThrownBy(() -> deserializer(true).deserialize("t", new byte[] {0, 0, 0, 0x7f, 0, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("writer schema");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAnError() {
        AvroSerializer strict = new AvroSerializer();
        strict.configure(Map.of("schema.registry.url", url, "auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> strict.serialize("never-registered", stockChanged(BigDecimal.ONE.setScale(6))))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("404");
    }

    /**
     * The production overlay's settings (auto.register.schemas=false, use.latest.version=true): the record is written
     * with the subject's latest version, registered by the deploy step; a record whose schema is not that version
     * is refused rather than written under an id the registry did not give it.
     */
    @Test
    void withUseLatestVersionTheRecordIsWrittenWithTheSubjectsLatestSchemaOnly() {
        AvroSerializer governed = new AvroSerializer();
        governed.configure(Map.of("schema.registry.url", url, "auto.register.schemas", "false",
                "use.latest.version", "true"), false);
        StockChanged event = stockChanged(BigDecimal.ONE.setScale(6));
        int id = new RestSchemaRegistryClient(url).register("governed-value", StockChanged.getClassSchema());
        new RestSchemaRegistryClient(url).register("other-latest-value", TINY);

        byte[] written = governed.serialize("governed", event);

        assertThat(java.nio.ByteBuffer.wrap(written, 1, 4).getInt()).isEqualTo(id);
        assertThat(deserializer(true).deserialize("governed", written)).isEqualTo(event);
        assertThatThrownBy(() -> governed.serialize("other-latest", event))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version: the latest schema of other-latest-value");
        assertThatThrownBy(() -> governed.serialize("unregistered", event))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("404");
    }

    private static AvroSerializer serializer() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url), false);
        return serializer;
    }

    private static AvroDeserializer deserializer(boolean specific) {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", url, "specific.avro.reader", Boolean.toString(specific)), false);
        return deserializer;
    }

    public static StockChanged stockChanged(BigDecimal quantity) {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        return StockChanged.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.fromString("91cb972d-b476-4936-947c-4be471b9da5b"))
                        .setOccurredAt(at).setPublishedAt(at).setSourceSystem(SourceSystem.PRODSMART)
                        .setSourceId("movement-1").setCorrelationId("corr-1").setTenant(null).build())
                .setKind(StockChangeKind.MOVEMENT)
                .setProductCode("P-1")
                .setLocation("Zone2")
                .setQuantity(quantity)
                .build();
    }
}
