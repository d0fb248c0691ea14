package com.crossdock.paqtana.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The event ids of movements already applied, so that a duplicate delivery or a replay adds its delta once.
 * Ids are forgotten after {@code retention} (longer than the stock topic's retention, so a replay from Kafka
 * can never bring back a forgotten one); entries are kept in arrival order, which is time order.
 */
final class MovementDedupe {

    private final Duration retention;
    private final LinkedHashMap<UUID, Instant> seen = new LinkedHashMap<>();

    MovementDedupe(Duration retention) {
        this.retention = retention;
    }

    /** True the first time {@code eventId} is offered; false for every later offer. */
    boolean firstTime(UUID eventId, Instant at) {
        evictBefore(at.minus(retention));
        return seen.putIfAbsent(eventId, at) == null;
    }

    int size() {
        return seen.size();
    }

    private void evictBefore(Instant horizon) {
        Iterator<Map.Entry<UUID, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            if (!entries.next().getValue().isBefore(horizon)) {
                return;
            }
            entries.remove();
        }
    }
}
