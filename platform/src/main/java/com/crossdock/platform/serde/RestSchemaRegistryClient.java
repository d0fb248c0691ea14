package com.crossdock.platform.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema Registry client over the Confluent REST API, with the caches the serde relies on: an id never
 * changes its schema, and a (subject, schema) pair never changes its id, so both are cached forever.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Map<String, RestSchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One client (and so one cache) per registry URL in this JVM, as Kafka instantiates serdes by class name. */
    public static RestSchemaRegistryClient shared(String baseUrl) {
        return SHARED.computeIfAbsent(baseUrl, RestSchemaRegistryClient::new);
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, () -> post("/subjects/" + enc(subject) + "/versions", schema).get("id").asInt());
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return cachedId(subject, schema, () -> post("/subjects/" + enc(subject), schema).get("id").asInt());
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode node = send(HttpRequest.newBuilder(uri("/subjects/" + enc(subject) + "/versions/latest")).GET());
        Schema schema = new Schema.Parser().parse(node.get("schema").asString());
        int id = node.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, node.get("version").asInt(), id, schema);
    }

    @Override
    public Schema byId(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode node = send(HttpRequest.newBuilder(uri("/schemas/ids/" + key)).GET());
            return new Schema.Parser().parse(node.get("schema").asString());
        });
    }

    private int cachedId(String subject, Schema schema, java.util.function.IntSupplier lookup) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer known = ids.get(schema);
        if (known != null) {
            return known;
        }
        int id = lookup.getAsInt();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private JsonNode post(String path, Schema schema) {
        String body = json.writeValueAsString(Map.of("schema", schema.toString()));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Accept", CONTENT_TYPE).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling the schema registry", e);
        }
        JsonNode node = body(response);
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(response.statusCode(), node.path("error_code").asInt(response.statusCode()),
                    "schema registry answered " + response.statusCode() + ": " + node.path("message").asString(""));
        }
        return node;
    }

    /** The answer's JSON; an error page that is no JSON (a proxy's 502) still reports its status. */
    private JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (tools.jackson.core.JacksonException e) {
            if (response.statusCode() / 100 == 2) {
                throw new SchemaRegistryException(response.statusCode(), 0, "schema registry at " + baseUrl
                        + " answered " + response.statusCode() + " with no JSON: " + e.getOriginalMessage());
            }
            return json.createObjectNode();
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String enc(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
