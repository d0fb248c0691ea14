package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.OrderKind;
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
        view.apply(order("SO1", "new", false, PLACED,
                line("P1", "2", "wh1", null), line("P1", "3", "wh1", Instant.parse("2026-03-15T08:00:00Z"))));

        assertThat(view.demandTotals(view.takeDirtyDemand())).containsOnly(
                entry(key(MARCH_10, "P1"), new BigDecimal("2.000000")),
                entry(key(MARCH_15, "P1"), new BigDecimal("3.000000")));
    }

    /** Issue 13, point 9: SalesOrders never pruned; days older than demand-retention are final and forgotten. */
    @Test
    void ordersWhoseDaysFallBehindTheRetentionAreForgottenAndTheirDaysStayFinal() {
        InventoryView view = new InventoryView(new ViewRules("main", "main", Map.of(), ZoneOffset.UTC, Set.of(),
                Duration.ofDays(8), Duration.ofDays(30)));
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        for (int day = 0; day < 100; day++) {
            view.apply(order("SO" + day, "FULFILLED", false, start.plus(Duration.ofDays(day)), line("P1", "1", "wh1", null)));
        }
        view.takeDirtyDemand();

        // the newest day is 2026-04-10: days before 2026-03-11 are final; the orders of 03-11 to 04-10 are held, not 100
        assertThat(view.salesOrdersKept()).isEqualTo(31);
        assertThat(view.demandTotals(List.of(dayKey(LocalDate.of(2026, 1, 5)))).values())
                .allSatisfy(total -> assertThat(total).isEqualByComparingTo("0"));
        assertThat(view.demandTotals(List.of(dayKey(LocalDate.of(2026, 4, 1)))).values())
                .allSatisfy(total -> assertThat(total).isEqualByComparingTo("1"));
        // a late version of a forgotten order changes nothing Paqtana already has for its final day
        view.apply(order("SO4", "FULFILLED", false, start.plus(Duration.ofDays(4)), line("P1", "9", "wh1", null)));
        assertThat(view.takeDirtyDemand()).isEmpty();
        assertThat(view.salesOrdersKept()).isEqualTo(31);
        // one inside the window still counts, and is resent
        view.apply(order("SO95", "FULFILLED", false, start.plus(Duration.ofDays(95)), line("P1", "4", "wh1", null)));
        assertThat(view.takeDirtyDemand()).containsExactly(dayKey(LocalDate.of(2026, 4, 6)));
    }

    private static DemandKey dayKey(LocalDate day) {
        return new DemandKey(day, "wh1", "P1");
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
        view.takeDirtyDemand();
        view.apply(order("SO1", "new", false, PLACED, line("P2", "6", "wh1", null)));

        assertThat(view.takeDirtyDemand()).containsExactlyInAnyOrder(key(MARCH_10, "P1"), key(MARCH_10, "P2"));
        assertThat(total(MARCH_10, "P1")).isEqualByComparingTo("1");
        assertThat(total(MARCH_10, "P2")).isEqualByComparingTo("6");
    }

    @Test
    void cancelledOrderRemovesItsDemandAndItsDaysAreResentAsZero() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        view.takeDirtyDemand();
        view.apply(order("SO1", "cancelled", true, PLACED, line("P1", "2", "wh1", null)));

        Map<DemandKey, BigDecimal> totals = view.demandTotals(view.takeDirtyDemand());
        assertThat(totals).containsOnlyKeys(key(MARCH_10, "P1"));
        assertThat(totals.get(key(MARCH_10, "P1"))).isEqualByComparingTo("0");
    }

    @Test
    void aRunTakesTheChangedDaysOnceAndAFailedRunGivesThemBack() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        List<DemandKey> taken = view.takeDirtyDemand();

        assertThat(view.takeDirtyDemand()).as("nothing changed since the run took them").isEmpty();
        view.markDemandDirty(taken);
        assertThat(view.takeDirtyDemand()).isEqualTo(taken);
    }

    @Test
    void demandOfTheSameDayAndItemFromManyOrdersIsOneTotalWhateverTheOrdersWorkspace() {
        // Paqtana merges per day and item (location + code), Paso 5: the order's own workspace does not split it
        view.apply(order("SO1", "new", false, PLACED, line("P1", "1", "wh2", null)));
        view.apply(OrderPlaced.newBuilder(order("SO2", "new", false, PLACED, line("P1", "4", "wh2", null)))
                .setWorkspaceCode("special").build());

        assertThat(view.demandTotals(view.takeDirtyDemand()))
                .containsOnly(entry(new DemandKey(MARCH_10, "wh2", "P1"), new BigDecimal("5.000000")));
        assertThat(view.workspace("wh2")).isEqualTo("secondary");
    }

    @Test
    void aPurchaseFromASupplierIsNeitherDemandNorOpenDemand() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        view.apply(OrderPlaced.newBuilder(order("omega:77", "new", false, PLACED, line("P1", "40", "wh1", null)))
                .setKind(OrderKind.PURCHASE).setSupplier("omega").build());

        assertThat(total(MARCH_10, "P1")).isEqualByComparingTo("2");
        assertThat(view.rows()).singleElement()
                .satisfies(row -> assertThat(row.openDemandOrders()).isEqualByComparingTo("2"));
    }

    @Test
    void removedOrderLeavesZeroOnTheDaysItTouched() {
        view.apply(order("SO1", "new", false, PLACED, line("P1", "2", "wh1", null)));
        view.takeDirtyDemand();
        view.removeSalesOrder("SO1");

        assertThat(view.demandTotals(view.takeDirtyDemand()))
                .containsOnly(entry(key(MARCH_10, "P1"), BigDecimal.ZERO));
    }

    private BigDecimal total(LocalDate day, String code) {
        return view.demandTotals(List.of(key(day, code))).get(key(day, code));
    }

    private static DemandKey key(LocalDate day, String code) {
        return new DemandKey(day, "wh1", code);
    }
}
