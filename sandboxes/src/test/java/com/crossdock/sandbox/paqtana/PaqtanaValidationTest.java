package com.crossdock.sandbox.paqtana;

import static com.crossdock.sandbox.paqtana.PaqtanaPayloads.data;
import static com.crossdock.sandbox.paqtana.PaqtanaPayloads.demandRow;
import static com.crossdock.sandbox.paqtana.PaqtanaPayloads.inventoryRow;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class PaqtanaValidationTest extends SandboxTestSupport {

    @Test
    void rejectsDatesAndQuantitiesOfUnequalLength() {
        postDemand(data(demandRow("A-1", "main", "\"2024-01-01\",\"2024-01-02\"", "5")))
                .jsonPath("$.operation_type").isEqualTo("historical_demand")
                .jsonPath("$.operation_info.file_type").isEqualTo("historical_demand")
                .jsonPath("$.operation_info.field").isEqualTo("data[0].quantities")
                .jsonPath("$.operation_info.row").isEqualTo(0)
                .jsonPath("$.operation_info.validation_error")
                .isEqualTo("data[0]: 'dates' and 'quantities' must have the same length (dates: 2, quantities: 1)");
    }

    @Test
    void rejectsAnUnknownWorkspaceCode() {
        postDemand(data(demandRow("A-1", "main", "\"2024-01-01\"", "5"), demandRow("B-2", "attic", "\"2024-01-01\"", "5")))
                .jsonPath("$.operation_info.field").isEqualTo("data[1].workspaceCode")
                .jsonPath("$.operation_info.validation_error").isEqualTo("data[1]: unknown workspaceCode 'attic'");
    }

    @Test
    void rejectsAMissingRequiredField() {
        postDemand(data("{\"code\":\"A-1\",\"workspaceCode\":\"main\",\"dates\":[],\"quantities\":[]}"))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].location")
                .jsonPath("$.operation_info.validation_error").isEqualTo("data[0]: required field 'location' is missing");
    }

    @Test
    void rejectsADateThatIsNotYyyyMmDd() {
        postDemand(data(demandRow("A-1", "main", "\"2024-01-01\",\"01/02/2024\"", "5,6")))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].dates[1]");
    }

    @Test
    void rejectsAnImpossibleCalendarDate() {
        postDemand(data(demandRow("A-1", "main", "\"2023-02-30\"", "5")))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].dates[0]");
    }

    @Test
    void rejectsAMasterInventoryQuantityThatIsNullOrMissing() {
        String nullStock = inventoryRow("A-1", "main", 5).replace("\"onHandStock\":5", "\"onHandStock\":null");
        putInventory(data(nullStock))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].onHandStock");
        String noTransit = inventoryRow("A-1", "main", 5).replaceAll("\"transitStock\":[^,]*,", "");
        putInventory(data(noTransit))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].transitStock");
    }

    @Test
    void rejectsANullQuantityOfADay() {
        postDemand(data(demandRow("A-1", "main", "\"2024-01-01\"", "null")))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].quantities[0]");
    }

    @Test
    void rejectsAQuantitySentAsAString() {
        postDemand(data(demandRow("A-1", "main", "\"2024-01-01\"", "\"5\"")))
                .jsonPath("$.operation_info.field").isEqualTo("data[0].quantities[0]");
    }

    @Test
    void rejectsAMasterInventoryNumberSentAsAString() {
        String row = inventoryRow("A-1", "main", 5).replace("\"unitCost\":2.5", "\"unitCost\":\"2.5\"");

        putInventory(data(row))
                .jsonPath("$.operation_type").isEqualTo("master_inventory")
                .jsonPath("$.operation_info.field").isEqualTo("data[0].unitCost");
    }

    @Test
    void rejectsABodyWithoutADataArray() {
        putInventory("{\"rows\":[]}").jsonPath("$.operation_info.field").isEqualTo("data");
    }

    @Test
    void rejectsMalformedJson() {
        putInventory("{\"data\":[").jsonPath("$.operation_info.validation_error")
                .value(message -> org.assertj.core.api.Assertions.assertThat((String) message)
                        .startsWith("request body is not valid JSON"));
    }

    @Test
    void keepsNothingOfARequestWithOneBadRow() {
        postDemand(data(demandRow("A-1", "main", "\"2024-01-01\"", "5"), demandRow("B-2", "attic", "\"2024-01-01\"", "5")));

        client.get().uri("/paqtana/_sandbox/orgs/demo/historical_demand").exchange()
                .expectBody().jsonPath("$.postCount").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
    }

    private WebTestClient.BodyContentSpec postDemand(String body) {
        return client.post().uri("/paqtana/v2/org/demo/historical_demand")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody();
    }

    private WebTestClient.BodyContentSpec putInventory(String body) {
        return client.put().uri("/paqtana/v2/org/demo/master_inventory")
                .headers(h -> h.setBearerAuth(PAQTANA_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody();
    }
}
