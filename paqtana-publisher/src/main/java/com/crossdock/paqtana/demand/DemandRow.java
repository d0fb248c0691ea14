package com.crossdock.paqtana.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.crossdock.paqtana.view.DemandKey;

/**
 * One historical-demand row: one item in one workspace with its total per day, as the parallel arrays
 * {@code dates}/{@code quantities} Paqtana takes (VENDORS.md, client code).
 */
record DemandRow(String location, String code, String workspaceCode, List<LocalDate> dates,
                 List<BigDecimal> quantities) {

    DemandRow {
        dates = List.copyOf(dates);
        quantities = List.copyOf(quantities);
        if (dates.size() != quantities.size()) {
            throw new IllegalArgumentException("dates and quantities differ in length");
        }
    }

    /** Groups totals per day into one row per item, days ascending. */
    static List<DemandRow> of(Map<DemandKey, BigDecimal> totals) {
        Map<Item, TreeMap<LocalDate, BigDecimal>> byItem = new TreeMap<>();
        totals.forEach((key, total) -> byItem
                .computeIfAbsent(new Item(key.workspaceCode(), key.location(), key.code()), item -> new TreeMap<>())
                .put(key.day(), total));
        List<DemandRow> rows = new ArrayList<>(byItem.size());
        byItem.forEach((item, perDay) -> rows.add(new DemandRow(item.location(), item.code(),
                item.workspaceCode(), new ArrayList<>(perDay.keySet()), new ArrayList<>(perDay.values()))));
        return rows;
    }

    private record Item(String workspaceCode, String location, String code) implements Comparable<Item> {

        private static final Comparator<Item> ORDER = Comparator.comparing(Item::workspaceCode)
                .thenComparing(Item::location).thenComparing(Item::code);

        @Override
        public int compareTo(Item other) {
            return ORDER.compare(this, other);
        }
    }

    /** This row cut in two by days, for a row too large for one request. */
    List<DemandRow> halves() {
        int middle = dates.size() / 2;
        return List.of(
                new DemandRow(location, code, workspaceCode, dates.subList(0, middle), quantities.subList(0, middle)),
                new DemandRow(location, code, workspaceCode, dates.subList(middle, dates.size()),
                        quantities.subList(middle, quantities.size())));
    }
}
