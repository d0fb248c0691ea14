package com.crossdock.paqtana.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.crossdock.paqtana.view.DemandKey;
import com.crossdock.paqtana.view.ItemKey;

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

    /**
     * Groups totals per day into one row per item (location + code, what Paqtana merges on), days ascending; the
     * row names the workspace of its location, as the item's master-inventory row does.
     */
    static List<DemandRow> of(Map<DemandKey, BigDecimal> totals, Function<String, String> workspaceOfLocation) {
        Map<ItemKey, TreeMap<LocalDate, BigDecimal>> byItem = new TreeMap<>();
        totals.forEach((key, total) -> byItem.computeIfAbsent(key.item(), item -> new TreeMap<>())
                .put(key.day(), total));
        List<DemandRow> rows = new ArrayList<>(byItem.size());
        byItem.forEach((item, perDay) -> rows.add(new DemandRow(item.location(), item.code(),
                workspaceOfLocation.apply(item.location()), new ArrayList<>(perDay.keySet()),
                new ArrayList<>(perDay.values()))));
        return rows;
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
