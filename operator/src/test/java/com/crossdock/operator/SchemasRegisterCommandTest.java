package com.crossdock.operator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.platform.serde.RegistryAccess;
import com.crossdock.platform.serde.RestSchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code operator schemas register}, the deploy step that makes the registry agree with the build's gate: every
 * canonical event's schema under {@code <topic>-value} with compatibility BACKWARD_TRANSITIVE, idempotent, and a
 * schema the registry finds incompatible is exit code 2.
 */
class SchemasRegisterCommandTest {

    private static final Path AVRO_SOURCES = Path.of("../schemas/src/main/avro/com/crossdock/events");

    @TempDir
    Path directory;

    @Test
    void registersEveryCanonicalEventWithBackwardTransitiveAndAgainChangesNothing() throws Exception {
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0, RegistryAccess.basic("deployer", "pw"), null)) {
            Path config = Files.writeString(directory.resolve("registry.properties"),
                    "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=deployer:pw\n");

            OperatorRun first = register(registry, config);
            OperatorRun again = register(registry, config);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.lines()).hasSize(SchemasRegisterCommand.SCHEMAS.size())
                    .anySatisfy(line -> assertThat(line).startsWith(Topics.STOCK_CHANGED + "-value: com.crossdock.events.StockChanged id ")
                            .endsWith(" version 1, compatibility BACKWARD_TRANSITIVE"));
            assertThat(again.out()).isEqualTo(first.out());
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url().replace("http://", "http://deployer:pw@"));
            assertThat(client.latest(Topics.STOCK_CHANGED + "-value").schema()).isEqualTo(StockChanged.getClassSchema());
            assertThat(client.subjects()).hasSize(SchemasRegisterCommand.SCHEMAS.size());
            for (String topic : SchemasRegisterCommand.SCHEMAS.keySet()) {
                assertThat(compatibility(registry, topic + "-value")).contains("\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"");
            }
        }
    }

    @Test
    void aSchemaThatCannotReadWhatTheRegistryHoldsIsExitCode2() {
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0)) {
            // an earlier StockChanged the current one cannot read: its data lacks every field the current one requires
            new RestSchemaRegistryClient(registry.url()).register(Topics.STOCK_CHANGED + "-value", new Schema.Parser().parse("""
                    {"type":"record","name":"StockChanged","namespace":"com.crossdock.events","fields":[
                      {"name":"legacy","type":"string"}]}"""));

            OperatorRun run = register(registry, null);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains(Topics.STOCK_CHANGED + "-value: schema registry answered 409");
        }
    }

    @Test
    void withoutTheRegistrysCredentialsItStopsAtTheFirstSubject() {
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0, RegistryAccess.bearer("deploy-token"), null)) {
            OperatorRun run = register(registry, null);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("refused the credentials (401)");
        }
    }

    @Test
    void registersTheSchemaOfEveryEventAvscOfTheSchemasModule() throws IOException {
        Set<String> events = new TreeSet<>();
        try (Stream<Path> files = Files.list(AVRO_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".avsc")).forEach(file -> {
                JsonNode schema = JsonMapper.builder().build().readTree(file.toFile());
                // Envelope is a part of every event, not an event of its own topic
                if (!schema.path("name").asString().equals("Envelope")) {
                    events.add(schema.path("namespace").asString() + "." + schema.path("name").asString());
                }
            });
        }

        assertThat(SchemasRegisterCommand.SCHEMAS.values()).extracting(Schema::getFullName)
                .containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).hasSize(6);
    }

    private static OperatorRun register(InProcessSchemaRegistry registry, Path config) {
        return config == null ? OperatorRun.run("schemas", "register", "--registry-url=" + registry.url())
                : OperatorRun.run("schemas", "register", "--registry-url=" + registry.url(), "--command-config=" + config);
    }

    private static String compatibility(InProcessSchemaRegistry registry, String subject) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(registry.url() + "/config/" + subject)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("deployer:pw".getBytes())).build(), HttpResponse.BodyHandlers.ofString());
        return answer.body();
    }
}
