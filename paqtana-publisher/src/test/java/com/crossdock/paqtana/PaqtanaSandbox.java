package com.crossdock.paqtana;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crossdock.sandbox.SandboxesApplication;
import com.crossdock.testing.TestKafka;
import com.crossdock.testing.TestSchemaRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Paqtana sandbox, started once per test JVM on a random port (as the local launcher starts it), with
 * helpers to read what it holds and to inject faults.
 */
public final class PaqtanaSandbox {

    private static ConfigurableApplicationContext context;
    private static RestClient http;

    private PaqtanaSandbox() {
    }

    public static synchronized String url() {
        if (context == null) {
            // command-line arguments, not default properties: those would lose to sandboxes.yml's port 8090
            context = new SpringApplicationBuilder(SandboxesApplication.class)
                    .registerShutdownHook(true)
                    .run("--spring.config.name=sandboxes", "--server.port=0",
                            // the platform is on this test classpath: give its Kafka beans the test broker
                            "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                            "--spring.kafka.properties.schema.registry.url=" + TestSchemaRegistry.url());
            http = RestClient.create(baseUrl());
        }
        return baseUrl();
    }

    private static String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** The master-inventory rows the sandbox holds for organisation demo. */
    public static List<JsonNode> masterInventoryRows() {
        List<JsonNode> rows = new ArrayList<>();
        get("/paqtana/_sandbox/orgs/demo/master_inventory").get("rows").forEach(rows::add);
        return rows;
    }

    public static Optional<JsonNode> masterInventoryRow(String location, String code) {
        return masterInventoryRows().stream()
                .filter(r -> location.equals(r.get("location").stringValue()) && code.equals(r.get("code").stringValue()))
                .findFirst();
    }

    /** The historical demand the sandbox holds for one item: quantity per YYYY-MM-DD. */
    public static Optional<JsonNode> demand(String workspace, String location, String code) {
        for (JsonNode item : get("/paqtana/_sandbox/orgs/demo/historical_demand").get("items")) {
            if (workspace.equals(item.get("workspaceCode").stringValue())
                    && location.equals(item.get("location").stringValue())
                    && code.equals(item.get("code").stringValue())) {
                return Optional.of(item.get("quantities"));
            }
        }
        return Optional.empty();
    }

    /** Requests received on a path containing {@code pathPart} since {@code since}. */
    public static List<JsonNode> received(String pathPart, Instant since) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode request : get("/paqtana/_sandbox/received")) {
            if (request.get("path").stringValue().contains(pathPart)
                    && !Instant.parse(request.get("receivedAt").stringValue()).isBefore(since)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** The next {@code count} Paqtana requests are answered {@code status}. */
    public static void fail(int status, int count) {
        url();
        http.post().uri("/_sandbox/faults/paqtana").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status, "count", count)).retrieve().toBodilessEntity();
    }

    public static void clearFaults() {
        url();
        http.delete().uri("/_sandbox/faults/paqtana").retrieve().toBodilessEntity();
    }

    private static JsonNode get(String path) {
        url();
        return JsonMapper.shared().readTree(http.get().uri(path).retrieve().body(String.class));
    }
}
