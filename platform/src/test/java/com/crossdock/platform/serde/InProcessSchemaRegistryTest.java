package com.crossdock.platform.serde;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InProcessSchemaRegistryTest {

    private static final Schema V1 = schema("""
            {"name":"a","type":"string"}""");
    private static final Schema V2_COMPATIBLE = schema("""
            {"name":"a","type":"string"},{"name":"b","type":["null","string"],"default":null}""");
    private static final Schema V3_INCOMPATIBLE = schema("""
            {"name":"a","type":"string"},{"name":"c","type":"int"}""");

    private static InProcessSchemaRegistry registry;
    private static RestSchemaRegistryClient client;

    @BeforeAll
    static void start() {
        registry = InProcessSchemaRegistry.start(0);
        client = new RestSchemaRegistryClient(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameId() {
        int first = client.register("same-value", V1);
        int again = new RestSchemaRegistryClient(registry.url()).register("same-value", V1);

        assertThat(again).isEqualTo(first);
        assertThat(client.byId(first)).isEqualTo(V1);
    }

    @Test
    void acceptsABackwardCompatibleEvolutionAsTheNextVersion() {
        client.register("evolve-value", V1);
        int id = client.register("evolve-value", V2_COMPATIBLE);

        SchemaRegistryClient.RegisteredSchema latest = client.latest("evolve-value");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.schema()).isEqualTo(V2_COMPATIBLE);
    }

    @Test
    void refusesAnIncompatibleSchemaWith409() {
        client.register("strict-value", V1);

        assertThatThrownBy(() -> client.register("strict-value", V3_INCOMPATIBLE))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("incompatible");
                });
    }

    @Test
    void answersUnknownSubjectsAndIdsWithConfluentErrorCodes() {
        assertThatThrownBy(() -> client.latest("nobody-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client.byId(9999))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void looksUpTheIdOfARegisteredSchema() {
        int id = client.register("lookup-value", V1);

        assertThat(new RestSchemaRegistryClient(registry.url()).idOf("lookup-value", V1)).isEqualTo(id);
    }

    private static Schema schema(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
