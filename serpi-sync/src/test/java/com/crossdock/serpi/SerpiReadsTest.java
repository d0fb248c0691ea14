package com.crossdock.serpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.vendor.client.JsonAnswer;
import com.crossdock.vendor.serpi.SerpiEventMapper;
import com.crossdock.vendor.serpi.SerpiMapping;
import com.crossdock.vendor.serpi.SerpiProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several SERPI pages taken at once are one document (a JSON array of the answers as received): every page's
 * records come out of it, an answer that is not an envelope goes to the raw topic on its own, and the count of a
 * page's records ({@link PagedRead}'s "is it full") is read without building the answer.
 */
class SerpiReadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SerpiProperties company = new SerpiProperties("acme", ZoneId.of("America/Bogota"), "COP",
            Map.of("1", "serpi-bogota"));
    private final SerpiReads reads = new SerpiReads(
            new SerpiEventMapper(new Envelopes(Clock.systemUTC()), company, SerpiMapping.empty()), null, null, JSON,
            new SimpleMeterRegistry());

    @Test
    void everyPageOfACombinedAnswerIsReadAndAnUnreadableOneGoesRawOnItsOwn() {
        List<byte[]> answers = List.of(page("A", "B"), bytes("{\"not\":\"an envelope\"}"), page("C"));
        // as the kit hands back a document the fetch did not read, and as the fetch read it
        for (SerpiReads.Fetched fetched : List.of(new SerpiReads.Fetched(SerpiReads.combined(answers), null),
                SerpiReads.Fetched.of(answers.stream().map(SerpiReadsTest::answer).toList()))) {
            SerpiReads.Result result = reads.balances(fetched, "read-1", Instant.now());

            assertThat(result.records()).filteredOn(record -> record.event() instanceof StockChanged)
                    .extracting(Outgoing::key).containsExactly("A|serpi-bogota", "B|serpi-bogota", "C|serpi-bogota");
            assertThat(result.records()).filteredOn(record -> record.event() == null).singleElement()
                    .satisfies(raw -> assertThat(new String(raw.raw(), StandardCharsets.UTF_8)).contains("an envelope"));
            assertThat(result.items()).isEqualTo(3);
            assertThat(result.lastItems()).as("the last answer's records: whether more follows").isEqualTo(1);
            assertThat(result.readable()).isFalse();
        }
    }

    @Test
    void aSingleAnswerIsKeptAsItIs() {
        byte[] one = page("A");
        assertThat(SerpiReads.combined(List.of(one))).isSameAs(one);
        assertThat(reads.balances(new SerpiReads.Fetched(one, null), "read-2", Instant.now()).records()).hasSize(1);
    }

    @Test
    void anAnswerTheClientReadIsNotReadAgain() {
        // the bytes say nothing readable: only the client's reading can give the record
        SerpiReads.Fetched fetched = SerpiReads.Fetched.of(List.of(new JsonAnswer(bytes("<html>"),
                JSON.readTree(page("A")))));

        assertThat(SerpiReads.Fetched.of(fetched.bytes(), fetched)).as("the kit hands back the fetch's document")
                .isSameAs(fetched);
        assertThat(reads.balances(SerpiReads.Fetched.of(fetched.bytes(), fetched), "read-3", Instant.now()).records())
                .extracting(Outgoing::key).containsExactly("A|serpi-bogota");
        assertThat(SerpiReads.Fetched.of(page("A"), fetched).envelopes()).as("another document is read here").isNull();
    }

    @Test
    void theRecordsOfAnAnswerAreCountedFromTheClientsReading() {
        assertThat(SerpiReads.items(answer(page("A", "B", "C")))).isEqualTo(3);
        assertThat(SerpiReads.items(answer(bytes("{\"success\":true,\"code\":204,"
                + "\"message\":\"No se encontraron registros\"}")))).isZero();
        assertThat(SerpiReads.items(answer(bytes("\"text\"")))).isNegative();
    }

    private static JsonAnswer answer(byte[] bytes) {
        return new JsonAnswer(bytes, JSON.readTree(bytes));
    }

    /** A SaldoInventario page of one line per code, warehouse 1. */
    private static byte[] page(String... codes) {
        StringBuilder lines = new StringBuilder();
        for (String code : codes) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"idArticulo\":1,\"codigo\":\"").append(code)
                    .append("\",\"idBodega\":1,\"saldo\":5}");
        }
        return bytes("{\"success\":true,\"code\":200,\"errors\":null,\"message\":\"ok\",\"result\":[" + lines + "]}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
