package com.crossdock.sandbox.paqtana;

import static com.crossdock.sandbox.paqtana.PaqtanaPayloads.data;
import static com.crossdock.sandbox.paqtana.PaqtanaPayloads.demandRow;
import static com.crossdock.sandbox.paqtana.PaqtanaPayloads.inventoryRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

class PaqtanaApiTest extends SandboxTestSupport {

    @Test
    void rejectsRequestWithoutBearerTokenInPaqtanasErrorShape() {
        client.put().uri("/paqtana/v2/org/demo/master_inventory")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(data(inventoryRow("A-1", "main", 5)))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.operation_type").isEqualTo("master_inventory")
                .jsonPath("$.operation_info.validation_error").isEqualTo("missing Authorization: Bearer token");
    }

    @Test
    void rejectsWrongTokenWithoutEchoingTheExpectedOne() {
        String body = client.get().uri("/paqtana/v2/org/demo/workspaces")
                .headers(h -> h.setBearerAuth("stolen-token"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("invalid or revoked token").doesNotContain(PAQTANA_TOKEN);
    }

    @Test
    void answersNotFoundForAnUnknownOrganisation() {
        client.get().uri("/paqtana/v2/org/nobody/workspaces")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.operation_info.validation_error").isEqualTo("organization not found: nobody");
    }

    @Test
    void listsTheConfiguredWorkspacesOfTheDemoOrganisation() {
        client.get().uri("/paqtana/v2/org/demo/workspaces")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].code").isEqualTo(List.of("main", "secondary"));
    }

    @Test
    void masterInventoryPutReplacesEverythingHeldBefore() {
        put(data(inventoryRow("A-1", "main", 5), inventoryRow("B-2", "secondary", 9))).expectStatus().isOk()
                .expectBody().jsonPath("$.operation_info.rows").isEqualTo(2);
        put(data(inventoryRow("C-3", "main", 1))).expectStatus().isOk();

        client.get().uri("/paqtana/_sandbox/orgs/demo/master_inventory").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.putCount").isEqualTo(2)
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].code").isEqualTo("C-3")
                .jsonPath("$.rows[0].unitCost").isEqualTo(2.5);
    }

    @Test
    void historicalDemandMergesPerDayAndItemAndAResentDayReplacesInsteadOfAdding() {
        post("", data(demandRow("A-1", "main", "\"2024-01-01\",\"2024-01-02\"", "5,3"),
                demandRow("B-2", "main", "\"2024-01-01\"", "4"))).expectStatus().isOk();
        post("?auto_calculate=True", data(demandRow("A-1", "main", "\"2024-01-02\",\"2024-01-03\"", "7,1")))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.operation_info.auto_calculate").isEqualTo(true);

        client.get().uri("/paqtana/_sandbox/orgs/demo/historical_demand").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.postCount").isEqualTo(2)
                .jsonPath("$.autoCalculateCount").isEqualTo(1)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].code").isEqualTo("A-1")
                .jsonPath("$.items[0].quantities['2024-01-01']").isEqualTo(5)
                .jsonPath("$.items[0].quantities['2024-01-02']").isEqualTo(7)
                .jsonPath("$.items[0].quantities['2024-01-03']").isEqualTo(1)
                .jsonPath("$.items[1].code").isEqualTo("B-2")
                .jsonPath("$.items[1].quantities['2024-01-01']").isEqualTo(4);
    }

    @Test
    void mergesPerDayAndItemWhateverTheWorkspace() {
        // "el mismo día e ítem (localidad+código)" (Paso 5): the workspace does not make another item
        post("", data(demandRow("A-1", "main", "\"2024-01-01\"", "5"),
                demandRow("A-1", "secondary", "\"2024-01-01\"", "8"))).expectStatus().isOk();

        client.get().uri("/paqtana/_sandbox/orgs/demo/historical_demand").exchange()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].workspaceCode").isEqualTo("secondary")
                .jsonPath("$.items[0].quantities['2024-01-01']").isEqualTo(8);
    }

    @Test
    void refusesAutoCalculateNotWrittenAsTheDocumentWritesIt() {
        for (String other : new String[] {"true", "TRUE", "1", ""}) {
            post("?auto_calculate=" + other, data(demandRow("A-1", "main", "\"2024-01-01\"", "5")))
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.operation_info.field").isEqualTo("auto_calculate");
        }
        client.get().uri("/paqtana/_sandbox/orgs/demo/historical_demand").exchange()
                .expectBody().jsonPath("$.postCount").isEqualTo(0);
    }

    @Test
    void acceptsABodyAboveWebFluxsCodecDefaultButWithinTheLimit() {
        String[] rows = new String[1500];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = inventoryRow("ITEM-" + i, "main", i);
        }
        String body = data(rows);
        assertThat(body.length()).isBetween(300_000, TEST_MAX_REQUEST_BYTES);

        put(body).expectStatus().isOk().expectBody().jsonPath("$.operation_info.rows").isEqualTo(1500);
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        String body = data(inventoryRow("A-1", "main", 5)) + " ".repeat(TEST_MAX_REQUEST_BYTES);

        put(body).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.operation_info.validation_error")
                .value(message -> assertThat((String) message).contains("maximum size of " + TEST_MAX_REQUEST_BYTES));
        client.get().uri("/paqtana/_sandbox/orgs/demo/master_inventory").exchange()
                .expectBody().jsonPath("$.putCount").isEqualTo(0);
    }

    @Test
    void refusesAStreamedBodyWithoutContentLengthOnceItPassesTheLimit() {
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        Flux<DataBuffer> body = Flux.range(0, TEST_MAX_REQUEST_BYTES / chunk.length + 2)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));

        client.put().uri("/paqtana/v2/org/demo/master_inventory")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.operation_type").isEqualTo("master_inventory");
    }

    @Test
    void receivedLogListsEachRequestWithTheStatusAnswered() {
        put(data(inventoryRow("A-1", "main", 5))).expectStatus().isOk();
        post("?auto_calculate=True", data(demandRow("A-1", "nowhere", "\"2024-01-01\"", "1")))
                .expectStatus().isBadRequest();

        client.get().uri("/paqtana/_sandbox/received").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].method").isEqualTo("PUT")
                .jsonPath("$[0].path").isEqualTo("/paqtana/v2/org/demo/master_inventory")
                .jsonPath("$[0].status").isEqualTo(200)
                .jsonPath("$[0].bodyBytes").value(size -> assertThat(((Number) size).longValue()).isPositive())
                .jsonPath("$[0].faulted").isEqualTo(false)
                .jsonPath("$[1].method").isEqualTo("POST")
                .jsonPath("$[1].query").isEqualTo("auto_calculate=True")
                .jsonPath("$[1].status").isEqualTo(400);
    }

    @Test
    void resetForgetsPaqtanaState() {
        put(data(inventoryRow("A-1", "main", 5))).expectStatus().isOk();

        client.delete().uri("/paqtana/_sandbox").exchange().expectStatus().isNoContent();

        client.get().uri("/paqtana/_sandbox/orgs/demo/master_inventory").exchange()
                .expectBody().jsonPath("$.putCount").isEqualTo(0).jsonPath("$.rows.length()").isEqualTo(0);
        client.get().uri("/paqtana/_sandbox/received").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void stateCountsWhatEachOrganisationHolds() {
        put(data(inventoryRow("A-1", "main", 5), inventoryRow("B-2", "main", 1))).expectStatus().isOk();
        post("?auto_calculate=True", data(demandRow("A-1", "main", "\"2024-01-01\"", "5"))).expectStatus().isOk();

        client.get().uri("/paqtana/_sandbox/state").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.orgs.demo.masterInventoryPuts").isEqualTo(1)
                .jsonPath("$.orgs.demo.masterInventoryRows").isEqualTo(2)
                .jsonPath("$.orgs.demo.historicalDemandPosts").isEqualTo(1)
                .jsonPath("$.orgs.demo.autoCalculations").isEqualTo(1)
                .jsonPath("$.orgs.demo.historicalDemandItems").isEqualTo(1);
    }

    private WebTestClient.ResponseSpec put(String body) {
        return client.put().uri("/paqtana/v2/org/demo/master_inventory")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String query, String body) {
        return client.post().uri("/paqtana/v2/org/demo/historical_demand" + query)
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }
}
