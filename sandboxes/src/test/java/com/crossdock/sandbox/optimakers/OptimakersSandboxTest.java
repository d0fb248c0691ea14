package com.crossdock.sandbox.optimakers;

import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The Optimakers fake: the employee's API key, creates refused when they name an id the instance does not have,
 * orders found by their external reference, and realized by the control endpoint.
 */
class OptimakersSandboxTest extends SandboxTestSupport {

    private static final String KEY = "optimakers-demo-key";

    @Test
    void refusesACallWithoutTheApiKey() {
        client.get().uri("/optimakers/api/orders/1").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnOrderNamingUnknownIdsFieldByField() {
        client.post().uri("/optimakers/api/orders").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("statusId", 9, "currencyId", 1, "items", List.of(Map.of("sku", "A", "quantity", "1",
                        "vatRateId", 77)), "attributes", List.of(Map.of("attributeId", 500, "value", "x"))))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("statusId", "items[0].vatRateId", "attributes[0].attributeId"));
    }

    @Test
    void createsFindsByExternalIdAndRealizesAnOrder() {
        client.post().uri("/optimakers/api/orders").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("externalId", "baselinker:5", "statusId", 1, "currencyId", 1,
                        "items", List.of(Map.of("sku", "A", "quantity", "1", "vatRateId", 1))))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(1)
                .jsonPath("$.realized").isEqualTo(false);

        client.get().uri("/optimakers/api/orders?externalId=baselinker:5").header("X-Api-Key", KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        client.post().uri("/optimakers/_sandbox/orders/1/fulfil?target=http://localhost:1/nowhere").exchange();
        client.get().uri("/optimakers/api/orders/1").header("X-Api-Key", KEY).exchange()
                .expectBody().jsonPath("$.realized").isEqualTo(true);
    }
}
