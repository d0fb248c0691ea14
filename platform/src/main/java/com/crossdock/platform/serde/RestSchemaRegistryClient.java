package com.crossdock.platform.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema Registry client over the Confluent REST API, with the caches the serde relies on: an id never
 * changes its schema, and a (subject, schema) pair never changes its id, so both are cached forever.
 * Credentials, trust store and failover come from {@link RegistryClientSettings}: a call that cannot reach a URL
 * (connection refused, timeout, TLS failure) is made again on the next one, as Confluent's client does, and the URL
 * that answered is the first one tried next time; an HTTP answer, even an error, is final.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Map<RegistryClientSettings, RestSchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private final List<RegistryClientSettings.Endpoint> endpoints;
    private final HttpClient http;
    private final AtomicInteger current = new AtomicInteger();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    /** A registry at one URL (or several, comma-separated), without credentials. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(RegistryClientSettings.of(baseUrl));
    }

    public RestSchemaRegistryClient(RegistryClientSettings settings) {
        this.endpoints = settings.endpoints();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (settings.trustStore() != null) {
            builder.sslContext(RegistryTls.context(settings.trustStore()));
        }
        this.http = builder.build();
    }

    /** One client (and so one cache) per registry settings in this JVM, as Kafka instantiates serdes by class name. */
    public static RestSchemaRegistryClient shared(RegistryClientSettings settings) {
        return SHARED.computeIfAbsent(settings, RestSchemaRegistryClient::new);
    }

    /** The subjects the registry holds: the cheapest call that proves it answers and accepts the credentials. */
    public List<String> subjects() {
        List<String> subjects = new java.util.ArrayList<>();
        send(HttpRequest.newBuilder().GET(), "/subjects").values().forEach(subject -> subjects.add(subject.asString()));
        return subjects;
    }

    /** Sets the compatibility level of {@code subject} (Confluent's {@code PUT /config/{subject}}). */
    public void setCompatibility(String subject, String level) {
        String body = json.writeValueAsString(Map.of("compatibility", level));
        send(HttpRequest.newBuilder().header("Content-Type", CONTENT_TYPE).PUT(HttpRequest.BodyPublishers.ofString(body)),
                "/config/" + enc(subject));
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
        JsonNode node = send(HttpRequest.newBuilder().GET(), "/subjects/" + enc(subject) + "/versions/latest");
        Schema schema = new Schema.Parser().parse(node.get("schema").asString());
        int id = node.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, node.get("version").asInt(), id, schema);
    }

    @Override
    public Schema byId(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode node = send(HttpRequest.newBuilder().GET(), "/schemas/ids/" + key);
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
        return send(HttpRequest.newBuilder()
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        request.header("Accept", CONTENT_TYPE).timeout(Duration.ofSeconds(10));
        List<String> failures = new java.util.ArrayList<>();
        int first = current.get();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (first + attempt) % endpoints.size();
            RegistryClientSettings.Endpoint endpoint = endpoints.get(index);
            try {
                HttpResponse<String> response = http.send(authorized(request.copy(), endpoint)
                        .uri(URI.create(endpoint.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
                current.set(index);
                return answer(response, endpoint);
            } catch (IOException e) {
                failures.add(endpoints.size() == 1 ? String.valueOf(e.getMessage()) : endpoint.baseUrl() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("schema registry at " + String.join(", ", endpoints.stream()
                .map(RegistryClientSettings.Endpoint::baseUrl).toList()) + " unreachable: " + String.join("; ", failures), null);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, RegistryClientSettings.Endpoint endpoint) {
        return endpoint.authorization() == null ? request : request.header("Authorization", endpoint.authorization().reveal());
    }

    private JsonNode answer(HttpResponse<String> response, RegistryClientSettings.Endpoint endpoint) {
        String baseUrl = endpoint.baseUrl();
        JsonNode node = body(response, baseUrl);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new SchemaRegistryException(response.statusCode(), node.path("error_code").asInt(response.statusCode()),
                    "schema registry at " + baseUrl + " refused the credentials (" + response.statusCode() + "): "
                            + (endpoint.authorization() == null ? "none were sent; set basic.auth.* or bearer.auth.*"
                            : "check basic.auth.user.info or bearer.auth.token"));
        }
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(response.statusCode(), node.path("error_code").asInt(response.statusCode()),
                    "schema registry answered " + response.statusCode() + ": " + node.path("message").asString(""));
        }
        return node;
    }

    /** The answer's JSON; an error page that is no JSON (a proxy's 502) still reports its status. */
    private JsonNode body(HttpResponse<String> response, String baseUrl) {
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

    private static String enc(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
