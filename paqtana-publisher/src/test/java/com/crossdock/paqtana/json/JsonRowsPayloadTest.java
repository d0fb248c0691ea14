package com.crossdock.paqtana.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRowsPayloadTest {

    private static final RowWriter<Integer> NUMBERED = (g, n) -> {
        g.writeStartObject();
        g.writeStringProperty("code", "item-" + n);
        g.writeStringProperty("description", "ä description long enough to fill some bytes " + n);
        g.writeEndObject();
    };

    @Test
    void streamsExactlyTheMeasuredBytesAsOneDataDocument() {
        JsonRowsPayload<Integer> payload = JsonRowsPayload.of(List.of(1, 2, 3), NUMBERED);

        String text = Payloads.text(payload);

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize((int) payload.sizeBytes());
        JsonNode data = JsonMapper.shared().readTree(text).get("data");
        assertThat(data).hasSize(3);
        assertThat(data.get(2).get("code").stringValue()).isEqualTo("item-3");
        assertThat(payload.rowCount()).isEqualTo(3);
    }

    @Test
    void largeBodyIsStreamedInBoundedBuffersWithTheMeasuredTotal() {
        List<Integer> rows = IntStream.range(0, 20_000).boxed().toList();
        JsonRowsPayload<Integer> payload = JsonRowsPayload.of(rows, NUMBERED);

        List<Integer> sizes = Payloads.bufferSizes(payload);

        assertThat(sizes).hasSizeGreaterThan(10);
        assertThat(sizes).allMatch(size -> size < JsonRowsPayload.BUFFER_BYTES + 1024);
        assertThat(sizes.stream().mapToLong(Integer::longValue).sum()).isEqualTo(payload.sizeBytes());
    }

    @Test
    void everySubscriptionWritesTheSameBodyAgain() {
        JsonRowsPayload<Integer> payload = JsonRowsPayload.of(List.of(1, 2), NUMBERED);

        assertThat(Payloads.text(payload)).isEqualTo(Payloads.text(payload));
    }

    @Test
    void emptyRowsGiveAnEmptyDataArray() {
        JsonRowsPayload<Integer> payload = JsonRowsPayload.of(List.of(), NUMBERED);

        assertThat(Payloads.text(payload)).isEqualTo("{\"data\":[]}");
        assertThat(payload.sizeBytes()).isEqualTo(JsonRowsPayload.ENVELOPE_BYTES);
    }

    @Test
    void rowSizeIsWhatTheRowTakesInsideTheArray() {
        long one = JsonRowsPayload.sizeOf(7, NUMBERED);

        assertThat(JsonRowsPayload.of(List.of(7), NUMBERED).sizeBytes()).isEqualTo(JsonRowsPayload.ENVELOPE_BYTES + one);
        assertThat(JsonRowsPayload.of(List.of(7, 7), NUMBERED).sizeBytes())
                .isEqualTo(JsonRowsPayload.ENVELOPE_BYTES + 2 * one + 1);
    }
}
