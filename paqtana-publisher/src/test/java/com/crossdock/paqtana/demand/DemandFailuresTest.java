package com.crossdock.paqtana.demand;

import java.time.Instant;
import java.util.List;

import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.platform.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders are FULFILLED here: they carry demand but no open quantity, so no master-inventory PUT competes. */
class DemandFailuresTest extends PaqtanaIntegrationTest {

    private static final Instant PLACED = Instant.parse("2026-02-10T09:00:00Z");

    @AfterEach
    void noFaultsLeft() {
        PaqtanaSandbox.clearFaults();
    }

    @Test
    void unavailablePaqtanaThatRecoversGetsTheDemandOfTheRun() {
        String sku = unique("SKU");
        String orderId = unique("SO");
        Instant start = Instant.now();
        publish(Topics.ORDER_PLACED, orderId, order(orderId, "FULFILLED", false, PLACED, line(sku, "9", "wh1", null)));
        PaqtanaSandbox.fail(503, 4);

        runUntil(() -> assertThat(PaqtanaSandbox.demand("main", "wh1", sku).orElseThrow()
                .get("2026-02-10").decimalValue()).isEqualByComparingTo("9"));
        List<JsonNode> requests = PaqtanaSandbox.received("/v2/", start);
        assertThat(requests).filteredOn(r -> r.get("status").intValue() == 503).isNotEmpty()
                .allMatch(r -> r.get("faulted").booleanValue());
    }
}
