package com.crossdock.sandbox.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProdsmartApiSandboxTest extends SandboxTestSupport {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("prodsmart-demo-key:prodsmart-demo-secret".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** "Tworzenie autoryzacji", the body as the document gives it. */
    private static final String SCOPES_BODY = "{ \"scopes\": [ \"productions_write\" ] }";

    @LocalServerPort
    int port;

    @Test
    void issuesATokenForBasicKeyAndSecretAndRefusesOthers() {
        client.post().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"scopes\":[\"productions_write\"]}")
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.token").isNotEmpty().jsonPath("$.scopes[0]").isEqualTo("productions_write");
        client.post().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, "Basic Zm9vOmJhcg==")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenRequestWithoutTheDocumentsScopesBody() {
        for (String body : List.of("{}", "{\"scopes\":[]}", "{\"scopes\":\"productions_write\"}",
                "{\"scopes\":[\"productions_read\"]}", "{\"scopes\":[\"productions_write\",\"admin\"]}")) {
            client.post().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest();
        }
        client.post().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                .exchange().expectStatus().isBadRequest();
        client.post().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(SCOPES_BODY).exchange().expectStatus().isEqualTo(415);
        client.get().uri("/prodsmart/_sandbox/state").exchange().expectBody().jsonPath("$.tokensIssued").isEqualTo(0);
    }

    @Test
    void getsTheExistingTokenAndIssuesANewOneOnPost() {
        client.get().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                .exchange().expectStatus().isNotFound();
        String token = token();

        client.get().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.token").isEqualTo(token)
                .jsonPath("$.scopes[0]").isEqualTo("productions_write");
    }

    @Test
    void refusesPagesBefore1UnknownRunningStatusesAndBlankOrUnknownLots() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.STOCK_JSON))).exchange().expectStatus().isAccepted();

        client.get().uri("/prodsmart/api/products?page=0&access_token=" + token).exchange().expectStatus().isBadRequest();
        client.get().uri("/prodsmart/api/production-orders/?page=0&access_token=" + token).exchange()
                .expectStatus().isBadRequest();
        client.get().uri("/prodsmart/api/production-orders/?running-status=open&access_token=" + token).exchange()
                .expectStatus().isBadRequest();
        client.get().uri("/prodsmart/api/stock/P1?lot=&access_token=" + token).exchange().expectStatus().isBadRequest();
        client.get().uri("/prodsmart/api/stock/P1?lot=Lot 9&access_token=" + token).exchange().expectStatus().isBadRequest();
        client.get().uri("/prodsmart/api/stock/P1?lot=Lot 0086&access_token=" + token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.lot.length()").isEqualTo(1).jsonPath("$.lot[0].stock").isEqualTo(500.0);
    }

    @Test
    void readsOneProductOrOrderAndAnswers404OnceItIsGoneOrWasChangedOnlyInTheLists() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/products?expired=true")
                .bodyValue(Map.of("code", "GONE-1", "name", "Gone")).exchange().expectStatus().isAccepted();
        client.post().uri("/prodsmart/_sandbox/changes/production-orders?expired=true").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.PRODUCTION_ORDERS_JSON))).exchange().expectStatus().isAccepted();

        client.get().uri("/prodsmart/_sandbox/state").exchange().expectBody().jsonPath("$.pending.products").isEqualTo(0);
        client.get().uri("/prodsmart/api/products/GONE-1?access_token=" + token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Gone");
        client.get().uri("/prodsmart/api/production-orders/1379919?access_token=" + token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.running-status").isEqualTo("notstarted");

        client.post().uri("/prodsmart/_sandbox/changes/products?expired=true")
                .bodyValue(Map.of("code", "GONE-1", "notification", "product_remove")).exchange();
        client.get().uri("/prodsmart/api/products/GONE-1?access_token=" + token).exchange().expectStatus().isNotFound();
        client.get().uri("/prodsmart/api/production-orders/42?access_token=" + token).exchange().expectStatus().isNotFound();
    }

    @Test
    void byDefaultAnOlderTokenStaysValidAfterANewOne() {
        String first = token();
        String second = token();

        client.get().uri("/prodsmart/api/changes/stock?access_token=" + first).exchange().expectStatus().isOk();
        client.get().uri("/prodsmart/api/changes/stock?access_token=" + second).exchange().expectStatus().isOk();
    }

    @Test
    void aFaultAfterServingLetsTheFeedRemoveThePageAndAnswersTheFaultInstead() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.STOCK_JSON))).exchange().expectStatus().isAccepted();
        client.post().uri("/_sandbox/faults/prodsmart/api/changes/stock")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":503,\"count\":1,\"afterServing\":true}")
                .exchange().expectStatus().isCreated();

        client.get().uri("/prodsmart/api/changes/stock?access_token=" + token).exchange()
                .expectStatus().isEqualTo(503).expectBody().jsonPath("$.sandbox_fault").exists();

        client.get().uri("/prodsmart/_sandbox/state").exchange().expectBody().jsonPath("$.pending.stock").isEqualTo(0);
        assertThat(feed("stock", token).isEmpty()).as("served before the fault answered: gone").isTrue();
    }

    @Test
    void aResetAfterServingLetsTheFeedRemoveThePageAndResetsTheConnectionInsteadOfAnswering() throws IOException {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.STOCK_JSON))).exchange().expectStatus().isAccepted();
        client.post().uri("/_sandbox/faults/prodsmart/api/changes/stock")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"count\":1,\"afterServing\":true,\"reset\":true}")
                .exchange().expectStatus().isCreated();

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /prodsmart/api/changes/stock?access_token=" + token
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertThatThrownBy(() -> in.read(new byte[4096])).as("a RST, not an answer")
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }

        client.get().uri("/prodsmart/_sandbox/state").exchange().expectBody().jsonPath("$.pending.stock").isEqualTo(0);
        assertThat(feed("stock", token).isEmpty()).as("served before the reset: gone").isTrue();
    }

    @Test
    void refusesAResetWithoutAfterServingOrWithAStatus() {
        client.post().uri("/_sandbox/faults/prodsmart").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reset\":true}").exchange().expectStatus().isBadRequest();
        client.post().uri("/_sandbox/faults/prodsmart").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reset\":true,\"afterServing\":true,\"status\":503}").exchange().expectStatus().isBadRequest();
    }

    @Test
    void feedReturnsAtMost25OldestFirstAndRemovesWhatItReturned() {
        String token = token();
        List<Map<String, Object>> items = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> Map.<String, Object>of("product-code", "P" + i, "stock", i)).toList();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(items).exchange().expectStatus().isAccepted();

        JsonNode first = feed("stock", token);
        JsonNode second = feed("stock", token);
        JsonNode third = feed("stock", token);

        assertThat(first.size()).isEqualTo(25);
        assertThat(first.get(0).get("product-code").asString()).isEqualTo("P0");
        assertThat(second.size()).isEqualTo(5);
        assertThat(second.get(4).get("product-code").asString()).isEqualTo("P29");
        assertThat(third.isEmpty()).isTrue();
    }

    @Test
    void anItemChangedTwiceBeforeTheReadAppearsOnceWithItsLatestState() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(Map.of("product-code", "A", "stock", 1))
                .exchange().expectStatus().isAccepted();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(Map.of("product-code", "A", "stock", 2))
                .exchange().expectStatus().isAccepted();

        JsonNode read = feed("stock", token);

        assertThat(read.size()).isEqualTo(1);
        assertThat(read.get(0).get("stock").asInt()).isEqualTo(2);
    }

    @Test
    void refusesAMissingOrUnknownAccessTokenWithProblemDetails() {
        client.get().uri("/prodsmart/api/products?access_token=forged").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("invalid or expired access_token")
                .jsonPath("$.instance").isEqualTo("/prodsmart/api/products");
        client.get().uri("/prodsmart/api/changes/stock").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void resetForgetsTheFeedsTokensBudgetAndReceivedLogOfProdsmartOnly() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(Map.of("product-code", "R", "stock", 1))
                .exchange().expectStatus().isAccepted();
        client.put().uri("/prodsmart/_sandbox/rate-limit").bodyValue(Map.of("limit", 5, "period", "PT1M"))
                .exchange().expectStatus().isOk();
        client.get().uri("/paqtana/v2/org/demo/workspaces").exchange().expectStatus().isUnauthorized();

        client.delete().uri("/prodsmart/_sandbox").exchange().expectStatus().isNoContent();

        client.get().uri("/prodsmart/_sandbox/state").exchange().expectBody()
                .jsonPath("$.pending.stock").isEqualTo(0)
                .jsonPath("$.tokensIssued").isEqualTo(0)
                .jsonPath("$.requestsAdmitted").isEqualTo(0)
                .jsonPath("$.rateLimit.limit").isEqualTo(120);
        client.get().uri("/prodsmart/api/changes/stock?access_token=" + token).exchange().expectStatus().isUnauthorized();
        client.get().uri("/_sandbox/received").exchange().expectBody()
                .jsonPath("$[0].path").isEqualTo("/paqtana/v2/org/demo/workspaces")
                .jsonPath("$[1].path").isEqualTo("/prodsmart/api/changes/stock")
                .jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void expiredTokenGets401() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/tokens/expire").exchange().expectStatus().isNoContent();

        client.get().uri("/prodsmart/api/changes/stock?access_token=" + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void answers429WithRetryAfterPastTheCompanyLimit() {
        client.put().uri("/prodsmart/_sandbox/rate-limit").bodyValue(Map.of("limit", 2, "period", "PT1M"))
                .exchange().expectStatus().isOk();
        String token = token();
        client.get().uri("/prodsmart/api/changes/stock?access_token=" + token).exchange().expectStatus().isOk();

        client.get().uri("/prodsmart/api/changes/stock?access_token=" + token).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Integer.parseInt(value)).isBetween(1, 60));
        client.get().uri("/prodsmart/_sandbox/state").exchange().expectBody()
                .jsonPath("$.requestsThrottled").isEqualTo(1).jsonPath("$.requestsAdmitted").isEqualTo(2)
                // the busiest window held the whole limit; the span runs from the token call to the feed read
                .jsonPath("$.peakRequestsInWindow").isEqualTo(2)
                .jsonPath("$.firstAdmittedAt").value(String.class, first -> assertThat(first).isNotBlank())
                .jsonPath("$.lastAdmittedAt").value(String.class, last -> assertThat(java.time.Instant.parse(last))
                        .isAfterOrEqualTo(java.time.Instant.now().minusSeconds(60)));
    }

    @Test
    void listsShowChangedProductsStockAndOpenOrdersAndForgetDeletions() {
        String token = token();
        client.post().uri("/prodsmart/_sandbox/changes/products").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.PRODUCTS_JSON))).exchange().expectStatus().isAccepted();
        client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.STOCK_JSON))).exchange().expectStatus().isAccepted();
        client.post().uri("/prodsmart/_sandbox/changes/production-orders").bodyValue(JSON.readTree(
                ProdsmartFeedExamples.load(ProdsmartFeedExamples.PRODUCTION_ORDERS_JSON))).exchange().expectStatus().isAccepted();

        client.get().uri("/prodsmart/api/products?page=1&access_token=" + token).exchange().expectBody()
                .jsonPath("$[0].code").isEqualTo("V23076");
        client.get().uri("/prodsmart/api/products?page=2&access_token=" + token).exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        client.get().uri("/prodsmart/api/stock/P1?access_token=" + token).exchange().expectBody()
                .jsonPath("$.lot[0].code").isEqualTo("Lot 0086");
        client.get().uri("/prodsmart/api/production-orders/?active=true&access_token=" + token).exchange().expectBody()
                .jsonPath("$[0].id").isEqualTo(1379919);

        client.post().uri("/prodsmart/_sandbox/changes/products")
                .bodyValue(Map.of("code", "V23076", "notification", "product_remove")).exchange();
        client.get().uri("/prodsmart/api/products?access_token=" + token).exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    private JsonNode feed(String channel, String token) {
        byte[] body = client.get().uri("/prodsmart/api/changes/" + channel + "?access_token=" + token).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private String token() {
        byte[] body = client.post().uri("/prodsmart/api/authorization").header(HttpHeaders.AUTHORIZATION, BASIC)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SCOPES_BODY)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("token").asString();
    }
}
