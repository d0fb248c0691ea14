package com.crossdock.sandbox.paqtana;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Historical demand per organisation, merged per day and item: "Si se envía nuevamente el mismo día e
 * ítem (localidad+código), los nuevos datos reemplazarán el valor anterior para ese día/ítem específico.
 * Los demás datos que no se reemplacen permanecerán igual" (paqtana-integration-api.es.txt, Paso 5).
 * The item is location + code only: a row naming another workspace for the same day and item replaces the value
 * too; the item shows the workspace its last row named.
 */
@Component
class HistoricalDemandStore {

    private final Map<String, OrgDemand> byOrg = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void merge(String org, List<PaqtanaRows.DemandRow> rows, boolean autoCalculate) {
        OrgDemand demand = byOrg.computeIfAbsent(org, key -> new OrgDemand());
        synchronized (demand) {
            for (PaqtanaRows.DemandRow row : rows) {
                Item item = new Item(row.location(), row.code());
                demand.items.computeIfAbsent(item, key -> new TreeMap<>()).putAll(row.quantities());
                demand.workspaces.put(item, row.workspaceCode());
            }
            demand.posts++;
            if (autoCalculate) {
                demand.autoCalculations++;
            }
            demand.lastPostAt = clock.instant();
        }
    }

    HistoricalDemandView view(String org) {
        OrgDemand demand = byOrg.getOrDefault(org, new OrgDemand());
        synchronized (demand) {
            List<ItemView> items = new ArrayList<>();
            demand.items.forEach((item, perDay) -> {
                Map<String, BigDecimal> quantities = new LinkedHashMap<>();
                perDay.forEach((day, quantity) -> quantities.put(day.toString(), quantity));
                items.add(new ItemView(demand.workspaces.get(item), item.location(), item.code(), quantities));
            });
            return new HistoricalDemandView(org, demand.posts, demand.autoCalculations, demand.lastPostAt, items);
        }
    }

    void reset() {
        byOrg.clear();
    }

    /** "ítem (localidad+código)" (Paso 5). */
    private record Item(String location, String code) implements Comparable<Item> {
        @Override
        public int compareTo(Item other) {
            return (location + '\u0000' + code).compareTo(other.location + '\u0000' + other.code);
        }
    }

    private static final class OrgDemand {
        private final Map<Item, TreeMap<LocalDate, BigDecimal>> items = new TreeMap<>();
        private final Map<Item, String> workspaces = new TreeMap<>();
        private int posts;
        private int autoCalculations;
        private Instant lastPostAt;
    }

    /** The merged demand of one organisation; autoCalculateCount = requests that asked for a calculation. */
    record HistoricalDemandView(String org, int postCount, int autoCalculateCount, Instant lastPostAt,
                                List<ItemView> items) {
    }

    /** One item's quantity per day (YYYY-MM-DD, ascending), with the workspace its last row named. */
    record ItemView(String workspaceCode, String location, String code, Map<String, BigDecimal> quantities) {
    }
}
