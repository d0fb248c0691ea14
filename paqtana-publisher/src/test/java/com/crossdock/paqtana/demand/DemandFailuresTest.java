package com.crossdock.paqtana.demand;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.crossdock.events.OrderPlaced;
import com.crossdock.paqtana.DeadLetters;
import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.PoisonRecordException;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.vendor.VendorCallException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders are FULFILLED here: they carry demand but no open quantity, so no master-inventory PUT competes. */
class DemandFailuresTest extends PaqtanaIntegrationTest {

    private static final Instant PLACED = Instant.parse("2026-02-10T09:00:00Z");
    private static final String DLT = "crossdock.order-placed.v1.paqtana-publisher.dlt";

    @Autowired
    private RawRecordSender raw;

    @AfterEach
    void noFaultsLeft() {
        PaqtanaSandbox.clearFaults();
    }

    @Test
    void unavailablePaqtanaThatRecoversGetsTheDemandOnce() {
        String sku = unique("SKU");
        String orderId = unique("SO");
        Instant start = Instant.now();
        PaqtanaSandbox.fail(503, 2);

        publish(Topics.ORDER_PLACED, orderId, order(orderId, "FULFILLED", false, PLACED, line(sku, "9", "wh1", null)));

        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.demand("main", "wh1", sku).orElseThrow()
                .get("2026-02-10").decimalValue()).isEqualByComparingTo("9"));
        List<JsonNode> requests = PaqtanaSandbox.received("historical_demand", start);
        assertThat(requests).filteredOn(r -> r.get("status").intValue() == 200).hasSize(1);
        assertThat(requests).filteredOn(r -> r.get("status").intValue() == 503).isNotEmpty()
                .allMatch(r -> r.get("faulted").booleanValue());
    }

    @Test
    void paqtanaRefusingTheDemandDeadLettersTheOrderWithPaqtanasAnswer() {
        String orderId = unique("SO");
        OrderPlaced unknownWorkspace = OrderPlaced.newBuilder(order(orderId, "FULFILLED", false, PLACED,
                line(unique("SKU"), "1", "wh1", null))).setWorkspaceCode("no-such-workspace").build();

        publish(Topics.ORDER_PLACED, orderId, unknownWorkspace);

        ConsumerRecord<byte[], byte[]> deadLetter = eventually()
                .until(() -> DeadLetters.find(DLT, orderId), found -> found.isPresent()).orElseThrow();
        assertThat(DeadLetters.header(deadLetter, VendorCallException.HEADER_STATUS)).isEqualTo("400");
        assertThat(DeadLetters.header(deadLetter, VendorCallException.HEADER_BODY))
                .contains("validation_error", "no-such-workspace");
        assertThat(DeadLetters.header(deadLetter, DeadLetterHeaders.FAILURE_CLASS))
                .isEqualTo(VendorCallException.class.getName());
        assertThat(DeadLetters.header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    }

    @Test
    void poisonRecordIsDeadLetteredAndTheConsumerGoesOnWithTheNextRecord() throws Exception {
        String orderId = unique("SO");
        String sku = unique("SKU");
        byte[] poison = new byte[64];
        ThreadLocalRandom.current().nextBytes(poison);
        poison[0] = 42; // not the Confluent wire format's magic byte

        raw.send(new ProducerRecord<>(Topics.ORDER_PLACED, orderId.getBytes(StandardCharsets.UTF_8), poison)).get();
        publish(Topics.ORDER_PLACED, orderId, order(orderId, "FULFILLED", false, PLACED, line(sku, "4", "wh1", null)));

        ConsumerRecord<byte[], byte[]> deadLetter = eventually()
                .until(() -> DeadLetters.find(DLT, orderId), found -> found.isPresent()).orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(DeadLetters.header(deadLetter, DeadLetterHeaders.FAILURE_CLASS))
                .isEqualTo(PoisonRecordException.class.getName());
        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.demand("main", "wh1", sku).orElseThrow()
                .get("2026-02-10").decimalValue()).isEqualByComparingTo("4"));
    }
}
