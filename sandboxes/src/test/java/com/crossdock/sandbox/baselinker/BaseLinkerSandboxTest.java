package com.crossdock.sandbox.baselinker;

import java.time.Duration;
import java.util.Map;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * BaseLinker's rules as the fake enforces them (VENDORS.md "BaseLinker"): {@code X-BLToken}, form {@code method} +
 * JSON {@code parameters}, every answer HTTP 200 with {@code status}; {@code getOrders} by status and
 * {@code date_confirmed_from}; past the per-token limit, {@code ERROR_BLOCKED_TOKEN} naming until when.
 */
class BaseLinkerSandboxTest extends SandboxTestSupport {

    private static final String TOKEN = "baselinker-demo-token";

    @Test
    void refusesABadTokenWithHttp200AndErrorBadToken() {
        call("wrong", "getOrders", "{}").jsonPath("$.status").isEqualTo("ERROR")
                .jsonPath("$.error_code").isEqualTo("ERROR_BAD_TOKEN");
    }

    @Test
    void listsOrdersOfAStatusFromADateConfirmedAndMovesTheirStatus() {
        long first = add(Map.of("order_status_id", 2, "date_confirmed", 1_700_000_000L));
        add(Map.of("order_status_id", 2, "date_confirmed", 1_700_000_100L));
        add(Map.of("order_status_id", 1, "date_confirmed", 1_700_000_200L));

        call(TOKEN, "getOrders", "{\"status_id\": 2}").jsonPath("$.orders.length()").isEqualTo(2)
                .jsonPath("$.orders[0].order_id").isEqualTo(first);
        call(TOKEN, "getOrders", "{\"status_id\": 2, \"date_confirmed_from\": 1700000001}")
                .jsonPath("$.orders.length()").isEqualTo(1);

        call(TOKEN, "setOrderStatus", "{\"order_id\": " + first + ", \"status_id\": 3}").jsonPath("$.status").isEqualTo("SUCCESS");
        call(TOKEN, "setOrderStatus", "{\"order_id\": " + first + ", \"status_id\": 99}")
                .jsonPath("$.error_code").isEqualTo("ERROR_STATUS_ID");
        call(TOKEN, "getOrders", "{\"order_id\": " + first + "}").jsonPath("$.orders[0].order_status_id").isEqualTo(3);
        call(TOKEN, "noSuchMethod", "{}").jsonPath("$.error_code").isEqualTo("ERROR_UNKNOWN_METHOD");
    }

    @Test
    void blocksTheTokenPastItsLimitNamingUntilWhen() {
        client.put().uri("/baselinker/_sandbox/rate-limit").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("limit", 2, "period", Duration.ofMinutes(1).toString())).exchange().expectStatus().isOk();
        call(TOKEN, "getOrders", "{}").jsonPath("$.status").isEqualTo("SUCCESS");
        call(TOKEN, "getOrders", "{}").jsonPath("$.status").isEqualTo("SUCCESS");

        call(TOKEN, "getOrders", "{}").jsonPath("$.status").isEqualTo("ERROR")
                .jsonPath("$.error_code").isEqualTo("ERROR_BLOCKED_TOKEN")
                .jsonPath("$.error_message").value(message -> org.assertj.core.api.Assertions.assertThat((String) message)
                        .startsWith("Query limit exceeded, token blocked until 20"));
    }

    private long add(Map<String, Object> order) {
        return client.post().uri("/baselinker/_sandbox/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(order)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("order_id") instanceof Number id ? id.longValue() : -1;
    }

    private WebTestClient.BodyContentSpec call(String token, String method, String parameters) {
        return client.post().uri("/baselinker/connector.php").header("X-BLToken", token)
                .body(BodyInserters.fromFormData("method", method).with("parameters", parameters))
                .exchange().expectStatus().isOk().expectBody();
    }
}
