package com.crossdock.sandbox.paqtana;

import static com.crossdock.sandbox.paqtana.PaqtanaRows.HISTORICAL_DEMAND;
import static com.crossdock.sandbox.paqtana.PaqtanaRows.MASTER_INVENTORY;

import java.util.List;
import java.util.Map;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The Paqtana Integration API v2 as the sandbox imitates it, under {@code /paqtana}; its Bearer token is checked
 * before it by the kit's gate ({@link PaqtanaSandbox#paqtanaAuth}).
 */
@RestController
@RequestMapping("/paqtana/v2/org/{org}")
class PaqtanaApiController {

    /** "auto_calculate=True como un parámetro (query string)" (paqtana-integration-api.es.txt, Paso 6). */
    static final String AUTO_CALCULATE = "True";

    private final PaqtanaRequestGate gate;
    private final PaqtanaProperties properties;
    private final MasterInventoryStore masterInventory;
    private final HistoricalDemandStore historicalDemand;

    PaqtanaApiController(PaqtanaRequestGate gate, PaqtanaProperties properties,
                         MasterInventoryStore masterInventory, HistoricalDemandStore historicalDemand) {
        this.gate = gate;
        this.properties = properties;
        this.masterInventory = masterInventory;
        this.historicalDemand = historicalDemand;
    }

    /** Replaces all master inventory of the organisation (a standard PUT, Paso 5). */
    @PutMapping("/master_inventory")
    Mono<PaqtanaResponse> putMasterInventory(@PathVariable String org, ServerHttpRequest request) {
        PaqtanaProperties.Org known = gate.org(org, MASTER_INVENTORY);
        return gate.body(request, MASTER_INVENTORY)
                .map(body -> PaqtanaRows.masterInventory(body, known, properties.masterInventoryRequiredFields()))
                .map(rows -> {
                    masterInventory.replace(org, rows);
                    return PaqtanaResponse.accepted(MASTER_INVENTORY, rows.size(), Map.of());
                });
    }

    /**
     * Merges historical demand per day and item. {@code auto_calculate=True} asks Paqtana to compute the
     * order suggestions; the doc sends it on the last request of a run (Paso 6), written exactly so: any other
     * value ({@code true}, {@code 1}, empty) is refused, since the document promises nothing for it.
     */
    @PostMapping("/historical_demand")
    Mono<PaqtanaResponse> postHistoricalDemand(@PathVariable String org, ServerHttpRequest request,
            @RequestParam(name = "auto_calculate", required = false) String autoCalculate) {
        PaqtanaProperties.Org known = gate.org(org, HISTORICAL_DEMAND);
        if (autoCalculate != null && !AUTO_CALCULATE.equals(autoCalculate)) {
            throw PaqtanaException.invalid(HISTORICAL_DEMAND, "auto_calculate", null, "auto_calculate must be '"
                    + AUTO_CALCULATE + "' as the documentation writes it, not '" + autoCalculate + "'");
        }
        boolean calculate = autoCalculate != null;
        return gate.body(request, HISTORICAL_DEMAND)
                .map(body -> PaqtanaRows.historicalDemand(body, known))
                .map(rows -> {
                    historicalDemand.merge(org, rows, calculate);
                    return PaqtanaResponse.accepted(HISTORICAL_DEMAND, rows.size(), Map.of("auto_calculate", calculate));
                });
    }

    /** The organisation's workspace codes, which rows carry in {@code workspaceCode} (Paso 4). */
    @GetMapping("/workspaces")
    Map<String, List<Map<String, String>>> workspaces(@PathVariable String org, ServerHttpRequest request) {
        List<Map<String, String>> codes = gate.org(org, "workspaces").workspaces().stream()
                .map(code -> Map.of("code", code))
                .toList();
        return Map.of("data", codes);
    }
}
