package com.crossdock.paqtana.view;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** A view with the rules the tests assume: default location/workspace "main", location "wh2" in "secondary". */
final class ViewFixtures {

    static final ViewRules RULES = new ViewRules("main", "main", Map.of("wh2", "secondary"),
            ZoneId.of("Europe/Warsaw"), Set.of("fulfilled", "Closed"), Duration.ofDays(8), Duration.ofDays(730));

    private ViewFixtures() {
    }

    static InventoryView view() {
        return new InventoryView(RULES);
    }

    static InventoryRow row(InventoryView view, String location, String code) {
        return view.rows().stream()
                .filter(r -> r.location().equals(location) && r.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + location + "/" + code + " in " + view.rows()));
    }
}
