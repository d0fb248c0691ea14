package com.crossdock.sandbox.paqtana;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.VendorAuth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Paqtana fake as the kit serves it ({@code /paqtana}): one Bearer token on every call ("Authorization:
 * Bearer &lt;token&gt;", paqtana-integration-api.es.txt, Paso 6), refused in Paqtana's error body; its state per
 * organisation at {@code GET /paqtana/_sandbox/state}; {@code DELETE /paqtana/_sandbox} forgets it.
 */
@Configuration(proxyBeanMethods = false)
class PaqtanaSandbox implements VendorSandbox {

    static final String PREFIX = "paqtana";

    private final PaqtanaProperties properties;
    private final MasterInventoryStore masterInventory;
    private final HistoricalDemandStore historicalDemand;

    PaqtanaSandbox(PaqtanaProperties properties, MasterInventoryStore masterInventory,
                   HistoricalDemandStore historicalDemand) {
        this.properties = properties;
        this.masterInventory = masterInventory;
        this.historicalDemand = historicalDemand;
    }

    @Bean
    static VendorAuth paqtanaAuth(PaqtanaProperties properties) {
        // Paqtana tokens do not expire by themselves: one fixed token
        return VendorAuth.of(PREFIX, PaqtanaResponse::writeRefusal).everywhere(AuthGates.bearer(properties.token()));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** Per organisation: how many PUTs and rows of master inventory, how many POSTs and items of demand. */
    @Override
    public Map<String, Object> state() {
        Map<String, Object> orgs = new TreeMap<>();
        for (String org : properties.orgs().keySet()) {
            MasterInventoryStore.MasterInventoryView inventory = masterInventory.view(org);
            HistoricalDemandStore.HistoricalDemandView demand = historicalDemand.view(org);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("masterInventoryPuts", inventory.putCount());
            counts.put("masterInventoryRows", inventory.rows().size());
            counts.put("historicalDemandPosts", demand.postCount());
            counts.put("autoCalculations", demand.autoCalculateCount());
            counts.put("historicalDemandItems", demand.items().size());
            orgs.put(org, counts);
        }
        return Map.of("orgs", orgs);
    }

    @Override
    public void reset() {
        masterInventory.reset();
        historicalDemand.reset();
    }
}
