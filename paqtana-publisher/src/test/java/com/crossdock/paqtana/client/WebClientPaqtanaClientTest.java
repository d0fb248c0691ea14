package com.crossdock.paqtana.client;

import java.util.List;

import com.crossdock.paqtana.json.JsonRowsPayload;
import com.crossdock.paqtana.json.RowWriter;
import com.crossdock.platform.vendor.VendorCallException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebClientPaqtanaClientTest {

    private static final RowWriter<String> CODES = (g, code) -> {
        g.writeStartObject();
        g.writeStringProperty("code", code);
        g.writeEndObject();
    };

    private final RecordingExchange paqtana = new RecordingExchange();

    @Test
    void putsTheMasterInventoryWithBearerTokenAndExactContentLength() {
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1", "P2"), CODES);

        paqtana.client(1_000).putMasterInventory(payload).block();

        assertThat(paqtana.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo(HttpMethod.PUT);
            assertThat(sent.url().getPath()).isEqualTo("/paqtana/v2/org/demo/master_inventory");
            assertThat(sent.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer secret-token");
            assertThat(sent.headers().getContentLength()).isEqualTo(payload.sizeBytes());
            assertThat(sent.body()).isEqualTo("{\"data\":[{\"code\":\"P1\"},{\"code\":\"P2\"}]}");
        });
    }

    @Test
    void asksToCalculateOnlyWhenTold() {
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1"), CODES);
        WebClientPaqtanaClient client = paqtana.client(1_000);

        client.postHistoricalDemand(payload, false).block();
        client.postHistoricalDemand(payload, true).block();

        assertThat(paqtana.sent()).extracting(sent -> sent.url().getPath() + "?" + sent.url().getQuery())
                .containsExactly("/paqtana/v2/org/demo/historical_demand?null",
                        "/paqtana/v2/org/demo/historical_demand?auto_calculate=True");
    }

    @Test
    void refusesABodyOverTheLimitWithoutSendingIt() {
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1", "P2", "P3"), CODES);

        assertThatThrownBy(() -> paqtana.client(payload.sizeBytes() - 1).putMasterInventory(payload).block())
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e.sizeBytes()).isEqualTo(payload.sizeBytes());
                    assertThat(e.transientFailure()).isFalse();
                });
        assertThat(paqtana.sent()).isEmpty();
    }

    @Test
    void bodyOfExactlyTheLimitIsSent() {
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1"), CODES);

        paqtana.client(payload.sizeBytes()).putMasterInventory(payload).block();

        assertThat(paqtana.sent()).hasSize(1);
    }

    @Test
    void paqtanasBadRequestIsPermanentAndCarriesItsAnswer() {
        paqtana.answering(HttpStatus.BAD_REQUEST);
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1"), CODES);

        assertThatThrownBy(() -> paqtana.client(1_000).postHistoricalDemand(payload, true).block())
                .isInstanceOfSatisfying(VendorCallException.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.deadLetterHeaders()).containsEntry(VendorCallException.HEADER_STATUS, "400");
                    assertThat(e.deadLetterHeaders().get(VendorCallException.HEADER_BODY)).contains("bad row");
                });
        assertThat(paqtana.sent()).hasSize(1);
    }

    @Test
    void unavailablePaqtanaIsRetriedWithTheSameBody() {
        paqtana.answering(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1", "P2"), CODES);

        paqtana.client(1_000).putMasterInventory(payload).block();

        assertThat(paqtana.sent()).hasSize(3);
        assertThat(paqtana.sent()).extracting(RecordingExchange.Sent::body).containsOnly(
                "{\"data\":[{\"code\":\"P1\"},{\"code\":\"P2\"}]}");
    }

    @Test
    void unavailableAfterEveryAttemptIsTransient() {
        paqtana.answering(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
        JsonRowsPayload<String> payload = JsonRowsPayload.of(List.of("P1"), CODES);

        assertThatThrownBy(() -> paqtana.client(1_000).putMasterInventory(payload).block())
                .isInstanceOfSatisfying(VendorCallException.class, e -> assertThat(e.transientFailure()).isTrue());
    }
}
