package com.crossdock.sandbox.paqtana;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The master inventory per organisation. A PUT replaces everything held before ("Cada solicitud enviada
 * reemplazará todos los datos del payload anterior", paqtana-integration-api.es.txt, Paso 5).
 */
@Component
class MasterInventoryStore {

    private final Map<String, MasterInventoryView> byOrg = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void replace(String org, List<JsonNode> rows) {
        Instant now = clock.instant();
        byOrg.compute(org, (key, before) -> new MasterInventoryView(key,
                before == null ? 1 : before.putCount() + 1, now, List.copyOf(rows)));
    }

    MasterInventoryView view(String org) {
        return byOrg.getOrDefault(org, new MasterInventoryView(org, 0, null, List.of()));
    }

    void reset() {
        byOrg.clear();
    }

    /** What the sandbox holds for one organisation, and how many PUTs it received. */
    record MasterInventoryView(String org, int putCount, Instant lastPutAt, List<JsonNode> rows) {
    }
}
