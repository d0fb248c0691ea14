package com.crossdock.paqtana.view;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How canonical facts land on Paqtana's items: the location of facts that name none, the workspace of a
 * location, the zone of a demand day, which sales order statuses are no longer open, and how far back demand days
 * are still kept ({@code demandRetention}, behind the newest demand day seen).
 */
public record ViewRules(String defaultLocation, String defaultWorkspace, Map<String, String> workspaces,
                        ZoneId zone, Set<String> closedOrderStatuses, Duration movementDedupeRetention,
                        Duration demandRetention) {

    public ViewRules {
        workspaces = Map.copyOf(workspaces);
        closedOrderStatuses = closedOrderStatuses.stream().map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Paqtana refuses a row without a location; a fact that names none is put at the default location. */
    public String location(String location) {
        return location == null || location.isBlank() ? defaultLocation : location;
    }

    public String workspace(String location) {
        return workspaces.getOrDefault(location, defaultWorkspace);
    }

    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isClosed(String orderStatus) {
        return orderStatus != null && closedOrderStatuses.contains(orderStatus.toUpperCase(Locale.ROOT));
    }
}
