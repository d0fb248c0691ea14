package com.crossdock.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class FaultInjectionTest extends SandboxTestSupport {

    @Test
    void answersTheInjectedStatusForCountRequestsThenRecovers() {
        inject("paqtana", "{\"status\":503,\"count\":2}").expectStatus().isCreated();

        workspaces().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.sandbox_fault").isEqualTo("injected by the sandbox");
        workspaces().expectStatus().isEqualTo(503);
        workspaces().expectStatus().isOk();

        client.get().uri("/_sandbox/faults").exchange().expectBody().json("{}");
    }

    @Test
    void answers429WithRetryAfterAndTheGivenBodyUntilCleared() {
        inject("paqtana", "{\"status\":429,\"retryAfterSeconds\":7,\"body\":{\"error\":\"slow down\"}}");

        workspaces().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.error").isEqualTo("slow down");
        workspaces().expectStatus().isEqualTo(429);
        client.get().uri("/_sandbox/faults").exchange().expectBody()
                .jsonPath("$.paqtana.status").isEqualTo(429)
                .jsonPath("$.paqtana.remaining").doesNotExist();

        client.delete().uri("/_sandbox/faults/paqtana").exchange().expectStatus().isNoContent();
        workspaces().expectStatus().isOk();
    }

    @Test
    void delaysTheNormalAnswerByTheInjectedLatency() {
        inject("paqtana", "{\"latencyMs\":400,\"count\":1}");

        long started = System.nanoTime();
        workspaces().expectStatus().isOk();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void logsFaultedRequestsInTheReceivedLog() {
        inject("paqtana", "{\"status\":503,\"count\":1}");
        workspaces().expectStatus().isEqualTo(503);

        client.get().uri("/paqtana/_sandbox/received").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].path").isEqualTo("/paqtana/v2/org/demo/workspaces")
                .jsonPath("$[0].status").isEqualTo(503)
                .jsonPath("$[0].faulted").isEqualTo(true);
    }

    @Test
    void leavesTheSandboxsOwnInspectionEndpointsAlone() {
        inject("paqtana", "{\"status\":500}");

        client.get().uri("/paqtana/_sandbox/orgs/demo/master_inventory").exchange().expectStatus().isOk();
        client.get().uri("/paqtana/_sandbox/received").exchange().expectStatus().isOk();
    }

    @Test
    void faultsOnlyTheVendorPrefixItNames() {
        inject("suppliers/omega", "{\"status\":503}");

        client.get().uri("/suppliers/omega/public/api/v1.0/price").exchange().expectStatus().isEqualTo(503);
        // not faulted: Elit's own answer to a call without its login (401), not the 503 injected for Omega
        client.get().uri("/suppliers/elit/price").exchange().expectStatus().isUnauthorized();
        workspaces().expectStatus().isOk();
    }

    @Test
    void refusesAFaultWithNeitherStatusNorLatency() {
        inject("paqtana", "{\"count\":2}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec inject(String vendor, String spec) {
        return client.post().uri("/_sandbox/faults/" + vendor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(spec)
                .exchange();
    }

    private WebTestClient.ResponseSpec workspaces() {
        return client.get().uri("/paqtana/v2/org/demo/workspaces")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .exchange();
    }
}
