package com.crossdock.platform.serde;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's REST contract as Confluent documents it (Schema Registry API reference: config, compatibility,
 * subjects, schemas), spoken in plain HTTP: request and answer bodies, status, error_code and content type.
 */
class SchemaRegistryRestApiTest {

    private static final String V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
    private static final String V2_NEW_OPTIONAL = record(
            "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
    private static final String V2_NEW_REQUIRED = record(
            "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\"}");
    private static final String V2_DROPS_A = record("{\"name\":\"d\",\"type\":[\"null\",\"string\"],\"default\":null}");

    private static InProcessSchemaRegistry registry;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String name = "R" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void start() {
        registry = InProcessSchemaRegistry.start(0);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void globalAndSubjectCompatibilityAreReadAndSetAsConfluentDoes() throws Exception {
        String subject = subject();
        register(subject, V1);

        assertThat(call("GET", "/config", null).body().get("compatibilityLevel").asString()).isEqualTo("BACKWARD");
        Reply none = call("GET", "/config/" + subject, null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().get("error_code").asInt()).isEqualTo(40408);
        assertThat(none.body().get("message").asString()).contains(subject);
        assertThat(call("GET", "/config/" + subject + "?defaultToGlobal=true", null).body()
                .get("compatibilityLevel").asString()).isEqualTo("BACKWARD");

        Reply set = call("PUT", "/config/" + subject, "{\"compatibility\":\"FORWARD\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("compatibility").asString()).isEqualTo("FORWARD");
        assertThat(call("GET", "/config/" + subject, null).body().get("compatibilityLevel").asString()).isEqualTo("FORWARD");
        // FORWARD: the old schema must read the new one's data, so a dropped optional field is fine, a new
        // required field too, and the registration under the subject's own level succeeds
        assertThat(register(subject, V2_NEW_REQUIRED).status()).isEqualTo(200);

        Reply invalid = call("PUT", "/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("error_code").asInt()).isEqualTo(42203);

        Reply removed = call("DELETE", "/config/" + subject, null);
        assertThat(removed.body().get("compatibilityLevel").asString()).isEqualTo("FORWARD");
        assertThat(call("DELETE", "/config/" + subject, null).body().get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void compatibilityIsCheckedUnderTheSubjectsLevelWithoutRegistering() throws Exception {
        String subject = subject();
        register(subject, V1);
        String latest = "/compatibility/subjects/" + subject + "/versions/latest";

        assertThat(call("POST", latest, schema(V2_NEW_OPTIONAL)).body().get("is_compatible").asBoolean()).isTrue();
        Reply refused = call("POST", latest + "?verbose=true", schema(V2_NEW_REQUIRED));
        assertThat(refused.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(refused.body().get("messages").toString()).contains("c");

        call("PUT", "/config/" + subject, "{\"compatibility\":\"NONE\"}");
        assertThat(call("POST", latest, schema(V2_NEW_REQUIRED)).body().get("is_compatible").asBoolean()).isTrue();
        call("PUT", "/config/" + subject, "{\"compatibility\":\"FULL\"}");
        assertThat(call("POST", "/compatibility/subjects/" + subject + "/versions/1", schema(V2_DROPS_A)).body()
                .get("is_compatible").asBoolean()).isFalse();
        assertThat(call("GET", "/subjects/" + subject + "/versions", null).body().size()).isEqualTo(1);

        assertThat(call("POST", "/compatibility/subjects/" + subject + "/versions/7", schema(V1)).body()
                .get("error_code").asInt()).isEqualTo(40402);
        assertThat(call("POST", "/compatibility/subjects/nobody-" + subject + "/versions/latest", schema(V1)).body()
                .get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void versionsAndSubjectsAreSoftDeletedThenPermanentlyDeleted() throws Exception {
        String subject = subject();
        int id1 = register(subject, V1).body().get("id").asInt();
        register(subject, V2_NEW_OPTIONAL);

        Reply permanentFirst = call("DELETE", "/subjects/" + subject + "/versions/1?permanent=true", null);
        assertThat(permanentFirst.body().get("error_code").asInt()).isEqualTo(40407);
        assertThat(call("DELETE", "/subjects/" + subject + "/versions/1", null).body().asInt()).isEqualTo(1);
        assertThat(call("DELETE", "/subjects/" + subject + "/versions/1", null).body().get("error_code").asInt())
                .isEqualTo(40406);
        assertThat(call("GET", "/subjects/" + subject + "/versions", null).body().toString()).isEqualTo("[2]");
        assertThat(call("GET", "/subjects/" + subject + "/versions?deleted=true", null).body().toString()).isEqualTo("[1,2]");
        // a soft-deleted version's schema still decodes the records written with it
        assertThat(call("GET", "/schemas/ids/" + id1, null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/subjects/" + subject + "?permanent=true", null).body().get("error_code").asInt())
                .isEqualTo(40405);
        assertThat(call("DELETE", "/subjects/" + subject, null).body().toString()).isEqualTo("[2]");
        assertThat(call("GET", "/subjects", null).body().toString()).doesNotContain(subject);
        assertThat(call("GET", "/subjects?deleted=true", null).body().toString()).contains(subject);
        assertThat(call("DELETE", "/subjects/" + subject, null).body().get("error_code").asInt()).isEqualTo(40404);

        assertThat(call("DELETE", "/subjects/" + subject + "?permanent=true", null).body().toString()).isEqualTo("[1,2]");
        assertThat(call("GET", "/subjects/" + subject + "/versions?deleted=true", null).body().get("error_code").asInt())
                .isEqualTo(40401);
        assertThat(call("GET", "/schemas/ids/" + id1, null).body().get("error_code").asInt()).isEqualTo(40403);
    }

    @Test
    void answersTypesVersionsOfAnIdAndErrorsInConfluentsShape() throws Exception {
        String subject = subject();
        int id = register(subject, V1).body().get("id").asInt();

        assertThat(call("GET", "/schemas/types", null).body().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(call("GET", "/schemas/ids/" + id + "/versions", null).body().toString())
                .isEqualTo("[{\"subject\":\"" + subject + "\",\"version\":1}]");
        assertThat(call("GET", "/subjects/" + subject + "/versions/latest/schema", null).body().get("fields")).isNotNull();

        Reply missing = call("GET", "/subjects/" + subject + "/versions/9", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(missing.body().get("error_code").asInt()).isEqualTo(40402);
        assertThat(missing.body().get("message").asString()).isEqualTo("Version 9 not found.");
        assertThat(call("GET", "/subjects/" + subject + "/versions/first", null).body().get("error_code").asInt())
                .isEqualTo(42202);
        Reply invalid = register(subject, "{\"type\":\"record\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("error_code").asInt()).isEqualTo(42201);
    }

    private Reply register(String subject, String schema) throws Exception {
        return call("POST", "/subjects/" + subject + "/versions", schema(schema));
    }

    /** The schema as a request body, its record named after the test's subject so that no other test shares its id. */
    private String schema(String schema) {
        return json.createObjectNode().put("schema", schema.replace("\"name\":\"R\"", "\"name\":\"" + name + "\""))
                .toString();
    }

    private Reply call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                json.readTree(response.body()));
    }

    private String subject() {
        return "api-" + name + "-value";
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
    }

    private record Reply(int status, String contentType, JsonNode body) {
    }
}
