package com.crossdock.paqtana.view;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * What Paqtana's historical demand merges on: one day of one item, "el mismo día e ítem (localidad+código)"
 * (paqtana-integration-api.es.txt, Paso 5). A resent day/item replaces the earlier value, so a total is sent per
 * key, never a delta; the workspace is not part of it (the item's row names the workspace of its location).
 */
public record DemandKey(LocalDate day, String location, String code) implements Comparable<DemandKey> {

    private static final Comparator<DemandKey> ORDER = Comparator.comparing(DemandKey::location)
            .thenComparing(DemandKey::code).thenComparing(DemandKey::day);

    public ItemKey item() {
        return new ItemKey(location, code);
    }

    @Override
    public int compareTo(DemandKey other) {
        return ORDER.compare(this, other);
    }
}
