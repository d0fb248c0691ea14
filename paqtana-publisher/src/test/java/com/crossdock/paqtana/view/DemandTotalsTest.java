package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.crossdock.events.OrderPlaced;
import org.junit.jupiter.api.Test;

import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DemandTotalsTest {

    private static final Instant PLACED = Instant.parse("2026-03-09T23:30:00Z"); // 2026-03-10 in Warsaw
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static final LocalDate MARCH_15 = LocalDate.of(2026, 3, 15);

    private final InventoryView view = ViewFixtures.view();

    @Test
    void dayIsTheLineDueDateElseThePlacedAtInTheConfiguredZone() {
        OrderPlaced order = order("SO1", "new", false, PLACED,
                line("P1", "2", "wh1", null), line("P1", "3", "wh1", Instant.parse("2026-03-15T08:00:00Z")));
        view.apply(order);

        assertThat(view.demandTotals(view.demandKeys("SO1", order))).containsOnly(
                entry(key(MARCH_10, "P1"), new BigDecimal("2.000000")),
                entry(key(MARCH_15, "P1"), new BigDecimal("3.000000")));
    }

    @Test
    void totalsSumTheLatestVersionOfEveryOrder() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        view.apply(order("SO2", "FULFILLED", false, PLACED, line("P1", "5", "wh1", null)));

        assertThat(total(MARCH_10, "P1")).isEqualByComparingTo("7");
    }

    @Test
    void laterVersionOfAnOrderReplacesTheEarlierAndItsLeftKeysAreResent() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        view.apply(order("SO2", "new", false, PLACED, line("P1", "1", "wh1", null)));
        OrderPlaced moved = order("SO1", "new", false, PLACED, line("P2", "6", "wh1", null));
        view.apply(moved);

        assertThat(view.demandKeys("SO1", moved)).containsExactlyInAnyOrder(key(MARCH_10, "P1"), key(MARCH_10, "P2"));
        assertThat(total(MARCH_10, "P1")).isEqualByComparingTo("1");
        assertThat(total(MARCH_10, "P2")).isEqualByComparingTo("6");
    }

    @Test
    void cancelledOrderRemovesItsDemandAndItsDaysAreResentAsZero() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        OrderPlaced cancelled = order("SO1", "cancelled", true, PLACED, line("P1", "2", "wh1", null));
        view.apply(cancelled);

        Map<DemandKey, BigDecimal> totals = view.demandTotals(view.demandKeys("SO1", cancelled));
        assertThat(totals).containsOnlyKeys(key(MARCH_10, "P1"));
        assertThat(totals.get(key(MARCH_10, "P1"))).isEqualByComparingTo("0");
    }

    @Test
    void duplicateOrReplayedOrderChangesNoTotal() {
        OrderPlaced order = order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null));
        view.apply(order);
        Map<DemandKey, BigDecimal> once = view.demandTotals(view.demandKeys("SO1", order));

        view.apply(order);
        view.apply(order);

        assertThat(view.demandTotals(view.demandKeys("SO1", order))).isEqualTo(once);
    }

    @Test
    void workspaceIsTheOrdersOwnElseThatOfTheLineLocation() {
        OrderPlaced inWh2 = order("SO1", "new", false, PLACED, line("P1", "1", "wh2", null));
        OrderPlaced named = OrderPlaced.newBuilder(order("SO2", "new", false, PLACED, line("P1", "1", "wh2", null)))
                .setWorkspaceCode("special").build();
        OrderPlaced unlocated = order("SO3", "new", false, PLACED, line("P1", "1", null, null));

        assertThat(view.demandKeys("SO1", inWh2)).containsExactly(new DemandKey(MARCH_10, "wh2", "P1", "secondary"));
        assertThat(view.demandKeys("SO2", named)).containsExactly(new DemandKey(MARCH_10, "wh2", "P1", "special"));
        assertThat(view.demandKeys("SO3", unlocated)).containsExactly(new DemandKey(MARCH_10, "main", "P1", "main"));
    }

    @Test
    void removedOrderLeavesZeroOnTheDaysItTouched() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        view.removeSalesOrder("SO1");

        assertThat(view.demandTotals(view.demandKeys("SO1", null)))
                .containsOnly(entry(key(MARCH_10, "P1"), BigDecimal.ZERO));
    }

    private BigDecimal total(LocalDate day, String code) {
        return view.demandTotals(java.util.List.of(key(day, code))).get(key(day, code));
    }

    private static DemandKey key(LocalDate day, String code) {
        return new DemandKey(day, "wh1", code, "main");
    }
}
