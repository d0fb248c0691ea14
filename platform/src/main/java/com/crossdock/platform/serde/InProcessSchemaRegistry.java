package com.crossdock.platform.serde;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidatorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema registry for tests and the local stack, answering the Confluent REST API on loopback so that the
 * services and an analyst's tools (kcat, kafka-avro-console-consumer, Kafka UI) can use it unchanged.
 * Subjects are checked BACKWARD (Confluent's default) against their latest version on registration.
 * Holds everything in memory: it is never on a production path.
 */
public final class InProcessSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    private final HttpServer server;

    private InProcessSchemaRegistry(HttpServer server) {
        this.server = server;
    }

    /** Starts on the given loopback port (0 = any free port). */
    public static InProcessSchemaRegistry start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            InProcessSchemaRegistry registry = new InProcessSchemaRegistry(server);
            server.createContext("/", registry::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "schema-registry");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            log.info("Schema registry (Confluent REST API) listening on {}", registry.url());
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the schema registry on port " + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestBody());
            } catch (SchemaParseException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
                answer = error(422, 42201, "Invalid schema: " + e.getMessage());
            }
            byte[] body = json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private synchronized Answer route(String method, String rawPath, InputStream body) throws IOException {
        String[] p = rawPath.replaceAll("^/+|/+$", "").split("/");
        if (method.equals("GET") && p.length == 1 && p[0].equals("subjects")) {
            return ok(new ArrayList<>(subjects.keySet()));
        }
        if (method.equals("GET") && p.length == 1 && p[0].equals("config")) {
            return ok(Map.of("compatibilityLevel", "BACKWARD"));
        }
        if (method.equals("GET") && p.length == 3 && p[0].equals("schemas") && p[1].equals("ids")) {
            int id = Integer.parseInt(p[2]);
            return id >= 1 && id <= schemas.size()
                    ? ok(Map.of("schema", schemas.get(id - 1).toString()))
                    : error(404, 40403, "Schema " + id + " not found");
        }
        if (p.length >= 2 && p[0].equals("subjects")) {
            String subject = URLDecoder.decode(p[1], StandardCharsets.UTF_8);
            if (method.equals("POST") && p.length == 3 && p[2].equals("versions")) {
                return register(subject, parse(body));
            }
            if (method.equals("POST") && p.length == 2) {
                return lookup(subject, parse(body));
            }
            List<Integer> versions = subjects.get(subject);
            if (versions == null) {
                return error(404, 40401, "Subject '" + subject + "' not found.");
            }
            if (method.equals("GET") && p.length == 3 && p[2].equals("versions")) {
                List<Integer> numbers = new ArrayList<>();
                for (int v = 1; v <= versions.size(); v++) {
                    numbers.add(v);
                }
                return ok(numbers);
            }
            if (method.equals("GET") && p.length == 4 && p[2].equals("versions")) {
                int version = p[3].equals("latest") ? versions.size() : Integer.parseInt(p[3]);
                if (version < 1 || version > versions.size()) {
                    return error(404, 40402, "Version " + p[3] + " not found.");
                }
                return ok(describe(subject, version, versions.get(version - 1)));
            }
        }
        return error(404, 404, "Not found: " + method + " " + rawPath);
    }

    private Answer register(String subject, Schema schema) {
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : versions) {
            if (schemas.get(id - 1).equals(schema)) {
                return ok(Map.of("id", id));
            }
        }
        if (!versions.isEmpty()) {
            try {
                new SchemaValidatorBuilder().canReadStrategy().validateLatest()
                        .validate(schema, List.of(schemas.get(versions.get(versions.size() - 1) - 1)));
            } catch (SchemaValidationException e) {
                return error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\": " + e.getMessage());
            }
        }
        int id = schemas.indexOf(schema) + 1;
        if (id == 0) {
            schemas.add(schema);
            id = schemas.size();
        }
        versions.add(id);
        return ok(Map.of("id", id));
    }

    private Answer lookup(String subject, Schema schema) {
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        for (int v = 1; v <= versions.size(); v++) {
            if (schemas.get(versions.get(v - 1) - 1).equals(schema)) {
                return ok(describe(subject, v, versions.get(v - 1)));
            }
        }
        return versions.isEmpty() ? error(404, 40401, "Subject '" + subject + "' not found.")
                : error(404, 40403, "Schema not found");
    }

    private Map<String, Object> describe(String subject, int version, int id) {
        return Map.of("subject", subject, "version", version, "id", id, "schema", schemas.get(id - 1).toString());
    }

    private Schema parse(InputStream body) throws IOException {
        JsonNode node = json.readTree(body.readAllBytes());
        String type = node.path("schemaType").asString("AVRO");
        if (!type.equals("AVRO")) {
            throw new IllegalArgumentException("only AVRO schemas are supported, got " + type);
        }
        return new Schema.Parser().parse(node.path("schema").asString(""));
    }

    private static Answer ok(Object body) {
        return new Answer(200, body);
    }

    private static Answer error(int status, int code, String message) {
        return new Answer(status, Map.of("error_code", code, "message", message));
    }

    private record Answer(int status, Object body) {
    }
}
