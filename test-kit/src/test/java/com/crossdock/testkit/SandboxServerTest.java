package com.crossdock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.crossdock.testkit.SandboxControl.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class SandboxServerTest {

    private static final String PAQTANA_TOKEN = "paqtana-demo-token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Timeouts.BLOCK).build();
    private final SandboxServer shared = SandboxServer.shared();

    @AfterEach
    void resetSandbox() {
        shared.control().resetAll();
    }

    @Test
    void closingASandboxStopsNoOtherServerOfTheJvm() throws Exception {
        // a server on Reactor's global loops, as a test's own context or a bare WebClient uses them
        DisposableServer onGlobalLoops = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(Mono.just("still here"))).bindNow();
        try (FakeVendor vendor = new FakeVendor()) {
            SandboxServer.start().close();

            assertThat(get("http://127.0.0.1:" + onGlobalLoops.port() + "/").body()).isEqualTo("still here");
            assertThat(get(vendor.baseUrl() + "/anything").statusCode()).isEqualTo(200);
            assertThat(shared.control().state("prodsmart")).containsKey("pending");
        } finally {
            onGlobalLoops.disposeNow();
        }
    }

    @Test
    void sharesOneSandboxPerArgumentListAndStartsAnotherForOtherArguments() {
        SandboxServer limited = SandboxServer.shared("--sandboxes.prodsmart.api.rate-limit=7");

        assertThat(SandboxServer.shared()).isSameAs(shared);
        assertThat(SandboxServer.shared("--sandboxes.prodsmart.api.rate-limit=7")).isSameAs(limited);
        assertThat(limited.url()).isNotEqualTo(shared.url());
        assertThat(limited.control().state("prodsmart").get("rateLimit")).isEqualTo(Map.of("limit", 7, "period", "PT1M"));
        assertThat(limited.url("prodsmart")).isEqualTo(limited.url() + "/prodsmart");
    }

    @Test
    void controlsFaultsAndReadsTheReceivedLog() throws Exception {
        SandboxControl control = shared.control();
        control.fault("paqtana", Fault.status(503).times(1).retryAfter(Duration.ofSeconds(7)));

        HttpResponse<String> faulted = workspaces();
        HttpResponse<String> normal = workspaces();

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.headers().firstValue("Retry-After")).contains("7");
        assertThat(normal.statusCode()).isEqualTo(200);
        List<SandboxControl.Received> received = control.received("paqtana");
        assertThat(received).extracting(SandboxControl.Received::status).containsExactly(503, 200);
        assertThat(received).extracting(SandboxControl.Received::faulted).containsExactly(true, false);

        control.fault("paqtana", Fault.status(500));
        control.clearFaults("paqtana");
        assertThat(workspaces().statusCode()).isEqualTo(200);
    }

    @Test
    void drivesProdsmartsFeedLimitAndTokensAndResetsOneVendor() {
        SandboxControl control = shared.control();
        control.prodsmart().change("stock", List.of(Map.of("product-code", "A", "stock", 1), Map.of("product-code", "B", "stock", 2)));
        control.rateLimit("prodsmart", 5, Duration.ofSeconds(10));
        control.expireTokens("prodsmart");

        assertThat(control.prodsmart().pending("stock")).isEqualTo(2);
        assertThat(control.state("prodsmart").get("rateLimit")).isEqualTo(Map.of("limit", 5, "period", "PT10S"));

        control.reset("prodsmart");

        assertThat(control.prodsmart().pending("stock")).isZero();
        assertThat(control.state("prodsmart").get("rateLimit")).isEqualTo(Map.of("limit", 120, "period", "PT1M"));
        assertThat(control.get("/paqtana/_sandbox/orgs/demo/master_inventory").get("putCount").asInt()).isZero();
    }

    private HttpResponse<String> workspaces() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(shared.url("paqtana") + "/v2/org/demo/workspaces"))
                .header("Authorization", "Bearer " + PAQTANA_TOKEN).timeout(Timeouts.BLOCK).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Timeouts.BLOCK).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
