package com.crossdock.operator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.config.Secret;
import com.crossdock.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTest {

    private static final String TOKEN = "test-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();
    private AdminApi api;

    @BeforeEach
    void start() throws Exception {
        api = new AdminApi(new InetSocketAddress("127.0.0.1", 0), Secret.of(TOKEN), List.of("--bootstrap-servers=" + TestKafka.bootstrapServers()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void refusesARequestWithoutTheBearerToken() throws Exception {
        HttpResponse<String> none = http.send(request("/v1/dlt", null).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(request("/v1/dlt", "nope").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(TOKEN);
    }

    @Test
    void listsShowsAndDryRunsAReplayLikeTheCommandLine() throws Exception {
        DeadLetters topics = DeadLetters.create("api", 1);
        topics.send(List.of(topics.deadLetter("a", new byte[] {1}, "com.x.VendorCallException", Map.of()),
                topics.deadLetter("b", new byte[] {2}, "com.x.VendorCallException", Map.of())));

        HttpResponse<String> list = http.send(request("/v1/dlt", TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> show = http.send(request("/v1/dlt/" + topics.dlt + "?key=b", TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dryRun = http.send(request("/v1/dlt/" + topics.dlt + "/replay?group=" + topics.group + "&dry-run=true", TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"topic\":\"" + topics.dlt + "\"");
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(show.body().lines()).hasSize(1).first().asString().contains("\"key\":\"b\"");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.body()).contains("2 matched, 2 would be replayed");
        assertThat(DeadLetters.readAll(topics.retry)).isEmpty();
    }

    @Test
    void mapsExitCodesToStatusesAndKeepsTheConnectionServerSide() throws Exception {
        HttpResponse<String> unknown = http.send(request("/v1/tap/crossdock.nope.v1", TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> redirect = http.send(request("/v1/tap/crossdock.nope.v1?bootstrap-servers=evil:9092", TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badFilter = http.send(request("/v1/dlt/x.g.dlt/replay?group=g&from-time=soon", TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown topic: crossdock.nope.v1").contains("\"exitCode\":3");
        assertThat(List.of(unknown.body(), redirect.body(), badFilter.body())).as("problem bodies")
                .noneMatch(body -> body.contains(TOKEN));
        assertThat(redirect.statusCode()).isEqualTo(400);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aPathSegmentIsATopicNameNeverAnOptionOrAnArgumentFile() throws Exception {
        java.nio.file.Path argumentFile = java.nio.file.Files.createTempFile("operator-args", ".txt");
        java.nio.file.Files.writeString(argumentFile, "--bootstrap-servers=evil:9092\nsecret-line\n");
        List<String> hostile = List.of(
                "/v1/dlt/" + java.net.URLEncoder.encode("@" + argumentFile, StandardCharsets.UTF_8),
                "/v1/tap/--bootstrap-servers=evil:9092",
                "/v1/dlt/-h",
                "/v1/tap/crossdock.stock-changed.v1?--bootstrap-servers=evil:9092",
                "/v1/tap/crossdock.stock-changed.v1?" + java.net.URLEncoder.encode("@" + argumentFile, StandardCharsets.UTF_8));

        for (String path : hostile) {
            HttpResponse<String> answer = http.send(request(path, TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(path).doesNotContain("secret-line").doesNotContain("evil:9092 ");
        }
    }

    @Test
    void serveRefusesToStartWithoutAToken() {
        OperatorRun run = OperatorRun.run("serve", "--port", "0");

        assertThat(System.getenv(ServeCommand.TOKEN_ENV)).as("the test needs the token unset").isNull();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("refusing to start: set CROSSDOCK_OPERATOR_TOKEN");
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
