package com.crossdock.platform.serde;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.crossdock.platform.kafka.Topics;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema registry for tests and the local stack, answering the Confluent REST API ({@link RegistryApi}) on
 * loopback so that the services and an analyst's tools (kcat, kafka-avro-console-consumer, Kafka UI) can use it
 * unchanged. Subjects are checked against their compatibility level (BACKWARD unless configured) on registration.
 * Started on a broker, it keeps everything in the compacted topic {@link Topics#SCHEMAS} there, as Confluent's
 * registry does, so ids and versions survive a restart; without one, in memory. Never on a production path.
 */
public final class InProcessSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final SchemaStore store;
    private final RegistryApi api;
    private final RegistryAccess access;

    private InProcessSchemaRegistry(HttpServer server, SchemaStore store, RegistryAccess access) {
        this.server = server;
        this.store = store;
        this.access = access;
        this.api = new RegistryApi(RegistryContents.loadFrom(store));
    }

    /** Starts on the given loopback port (0 = any free port), holding its schemas in memory. */
    public static InProcessSchemaRegistry start(int port) {
        return start(port, SchemaStore.IN_MEMORY, RegistryAccess.OPEN, null);
    }

    /**
     * Starts on the given loopback port (0 = any free port), in memory, answering only the calls {@code access} admits
     * (others get Confluent's 401), over https with {@code tls}'s certificate when it is not null.
     */
    public static InProcessSchemaRegistry start(int port, RegistryAccess access, SSLContext tls) {
        return start(port, SchemaStore.IN_MEMORY, access, tls);
    }

    /**
     * Starts on the given loopback port (0 = any free port), keeping its schemas in {@link Topics#SCHEMAS} on the
     * broker at {@code bootstrapServers} and reading back what an earlier run kept there.
     */
    public static InProcessSchemaRegistry start(int port, String bootstrapServers) {
        return start(port, bootstrapServers, Topics.SCHEMAS);
    }

    static InProcessSchemaRegistry start(int port, String bootstrapServers, String topic) {
        return start(port, KafkaSchemaStore.open(bootstrapServers, topic), RegistryAccess.OPEN, null);
    }

    private static InProcessSchemaRegistry start(int port, SchemaStore store, RegistryAccess access, SSLContext tls) {
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            InProcessSchemaRegistry registry = new InProcessSchemaRegistry(server, store, access);
            server.createContext("/", registry::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "schema-registry");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            log.info("Schema registry (Confluent REST API) listening on {}", registry.url());
            return registry;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw new IllegalStateException("cannot start the schema registry on port " + port, e);
        }
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        store.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RegistryApi.Answer answer;
            try {
                answer = access.admits(exchange.getRequestHeaders().getFirst("Authorization")) ? answer(exchange)
                        : unauthorized(exchange);
            } catch (SchemaParseException | IllegalArgumentException e) {
                answer = RegistryApi.error(422, 42201, "Invalid schema: " + e.getMessage());
            } catch (JacksonException e) {
                answer = RegistryApi.error(400, 50005, "Unrecognized JSON: " + e.getOriginalMessage());
            } catch (IllegalStateException e) {
                log.warn("Schema registry store failed: {}", e.getMessage());
                answer = RegistryApi.error(500, 50001, "Error in the backend data store: " + e.getMessage());
            }
            byte[] body = json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Confluent's answer to a call without the credentials its authentication asks for. */
    private RegistryApi.Answer unauthorized(HttpExchange exchange) {
        exchange.getResponseHeaders().set("WWW-Authenticate", access.challenge());
        return RegistryApi.error(401, 401, "Unauthorized");
    }

    private RegistryApi.Answer answer(HttpExchange exchange) throws IOException {
        List<String> path = Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "true");
            }
        }
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        RegistryApi.Request request = new RegistryApi.Request(exchange.getRequestMethod(), path, query, body);
        synchronized (api) {
            return api.route(request);
        }
    }
}
