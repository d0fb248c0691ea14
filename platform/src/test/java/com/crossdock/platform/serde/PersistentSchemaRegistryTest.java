package com.crossdock.platform.serde;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry started on a broker keeps what it was told in a compacted topic there, as Confluent's does. */
@EmbeddedKafka(partitions = 1)
class PersistentSchemaRegistryTest {

    private static final Schema V1 = schema("{\"name\":\"a\",\"type\":\"string\"}");
    private static final Schema V2 = schema(
            "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
    private static final Schema OTHER = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}");

    @Test
    void idsVersionsSettingsAndDeletesSurviveARestart(EmbeddedKafkaBroker broker) throws Exception {
        String brokers = broker.getBrokersAsString();
        int v1;
        int v2;
        int other;
        try (InProcessSchemaRegistry first = InProcessSchemaRegistry.start(0, brokers, "restart-schemas")) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(first.url());
            other = client.register("other-value", OTHER);
            v1 = client.register("kept-value", V1);
            v2 = client.register("kept-value", V2);
            config(first, "/config/kept-value", "{\"compatibility\":\"FULL\"}");
            config(first, "/config", "{\"compatibility\":\"NONE\"}");
            assertThat(delete(first, "/subjects/other-value")).isEqualTo(200);
        }

        try (InProcessSchemaRegistry second = InProcessSchemaRegistry.start(0, brokers, "restart-schemas")) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(second.url());
            assertThat(client.byId(v1)).isEqualTo(V1);
            assertThat(client.byId(v2)).isEqualTo(V2);
            assertThat(client.byId(other)).isEqualTo(OTHER);
            assertThat(client.latest("kept-value").version()).isEqualTo(2);
            assertThat(client.latest("kept-value").id()).isEqualTo(v2);
            assertThat(client.register("kept-value", V1)).isEqualTo(v1);
            assertThatThrownBy(() -> client.latest("other-value")).isInstanceOfSatisfying(SchemaRegistryException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(40401));
            assertThat(get(second, "/config/kept-value")).contains("FULL");
            assertThat(get(second, "/config")).contains("NONE");

            int next = client.register("new-value", schema("{\"name\":\"n\",\"type\":\"int\"}"));
            assertThat(next).isGreaterThan(Math.max(Math.max(v1, v2), other));
        }

        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "restart-schemas");
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of("restart-schemas")).allTopicNames().get()
                    .get("restart-schemas").partitions()).hasSize(1);
        }
    }

    private static void config(InProcessSchemaRegistry registry, String path, String body) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static int delete(InProcessSchemaRegistry registry, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(registry.url() + path)).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String get(InProcessSchemaRegistry registry, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(registry.url() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Schema schema(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
