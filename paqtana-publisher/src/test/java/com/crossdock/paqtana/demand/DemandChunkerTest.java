package com.crossdock.paqtana.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.paqtana.json.Payloads;
import com.crossdock.paqtana.view.DemandKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemandChunkerTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

    @Test
    void everyChunkStaysUnderTheLimitAndOnlyTheLastAsksToCalculate() {
        List<DemandRow> rows = DemandRow.of(totals(40, 5), location -> "main");

        List<DemandRequest> requests = new DemandChunker(1_000).requests(rows);

        assertThat(requests).hasSizeGreaterThan(2);
        assertThat(requests).allMatch(r -> r.payload().sizeBytes() <= 1_000);
        assertThat(requests).allMatch(r -> Payloads.text(r.payload()).getBytes().length == r.payload().sizeBytes());
        assertThat(requests.subList(0, requests.size() - 1)).noneMatch(DemandRequest::autoCalculate);
        assertThat(requests.get(requests.size() - 1).autoCalculate()).isTrue();
    }

    @Test
    void chunksTogetherCarryEveryDayOfEveryItemOnce() {
        Map<DemandKey, BigDecimal> totals = totals(40, 5);

        List<DemandRequest> requests = new DemandChunker(1_000).requests(DemandRow.of(totals, location -> "main"));

        Map<DemandKey, BigDecimal> sent = new HashMap<>();
        for (DemandRequest request : requests) {
            for (JsonNode row : JsonMapper.shared().readTree(Payloads.text(request.payload())).get("data")) {
                for (int i = 0; i < row.get("dates").size(); i++) {
                    DemandKey key = new DemandKey(LocalDate.parse(row.get("dates").get(i).stringValue()),
                            row.get("location").stringValue(), row.get("code").stringValue());
                    assertThat(sent.put(key, row.get("quantities").get(i).decimalValue())).isNull();
                }
            }
        }
        assertThat(sent).hasSameSizeAs(totals);
        totals.forEach((key, total) -> assertThat(sent.get(key)).isEqualByComparingTo(total));
    }

    @Test
    void smallRunIsOneRequestThatAsksToCalculate() {
        List<DemandRequest> requests = new DemandChunker(32 * 1024 * 1024).requests(DemandRow.of(totals(3, 2), location -> "main"));

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.autoCalculate()).isTrue();
            assertThat(r.payload().rowCount()).isEqualTo(3);
        });
    }

    @Test
    void rowLargerThanTheLimitIsCutByDays() {
        List<DemandRow> oneItemManyDays = DemandRow.of(totals(1, 200), location -> "main");

        List<DemandRequest> requests = new DemandChunker(600).requests(oneItemManyDays);

        assertThat(requests).hasSizeGreaterThan(3);
        assertThat(requests).allMatch(r -> r.payload().sizeBytes() <= 600);
        assertThat(requests.stream().flatMap(r -> r.payload().rows().stream()).mapToInt(r -> r.dates().size()).sum())
                .isEqualTo(200);
    }

    @Test
    void refusesWhenASingleDayCannotFit() {
        assertThatThrownBy(() -> new DemandChunker(40).requests(DemandRow.of(totals(1, 1), location -> "main")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than the limit of 40");
    }

    @Test
    void rowsGroupDaysPerItemInAscendingOrder() {
        Map<DemandKey, BigDecimal> totals = new HashMap<>();
        totals.put(new DemandKey(DAY0.plusDays(2), "wh1", "P1"), BigDecimal.ONE);
        totals.put(new DemandKey(DAY0, "wh1", "P1"), BigDecimal.TEN);

        assertThat(DemandRow.of(totals, location -> "main")).singleElement().satisfies(row -> {
            assertThat(row.dates()).containsExactly(DAY0, DAY0.plusDays(2));
            assertThat(row.quantities()).containsExactly(BigDecimal.TEN, BigDecimal.ONE);
        });
    }

    private static Map<DemandKey, BigDecimal> totals(int items, int days) {
        Map<DemandKey, BigDecimal> totals = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            codes.add("ARTICLE-" + i);
        }
        for (String code : codes) {
            for (int d = 0; d < days; d++) {
                totals.put(new DemandKey(DAY0.plusDays(d), "wh1", code), new BigDecimal(d + ".5"));
            }
        }
        return totals;
    }
}
