package com.crossdock.paqtana.view;

import java.util.Comparator;

/** One Paqtana item: "ítem (localidad+código)" (paqtana-integration-api.es.txt, Paso 5). */
public record ItemKey(String location, String code) implements Comparable<ItemKey> {

    private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::location)
            .thenComparing(ItemKey::code);

    @Override
    public int compareTo(ItemKey other) {
        return ORDER.compare(this, other);
    }
}
