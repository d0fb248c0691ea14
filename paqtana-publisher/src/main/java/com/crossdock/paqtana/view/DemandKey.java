package com.crossdock.paqtana.view;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * What Paqtana's historical demand merges on: one day of one item in one workspace. A resent day/item replaces
 * the earlier value (paqtana-integration-api.es.txt, Paso 5), so a total is sent per key, never a delta.
 */
public record DemandKey(LocalDate day, String location, String code, String workspaceCode)
        implements Comparable<DemandKey> {

    private static final Comparator<DemandKey> ORDER = Comparator.comparing(DemandKey::workspaceCode)
            .thenComparing(DemandKey::location).thenComparing(DemandKey::code).thenComparing(DemandKey::day);

    @Override
    public int compareTo(DemandKey other) {
        return ORDER.compare(this, other);
    }
}
