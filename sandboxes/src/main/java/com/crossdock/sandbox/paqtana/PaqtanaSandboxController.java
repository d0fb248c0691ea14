package com.crossdock.sandbox.paqtana;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read-only inspection of what the Paqtana fake holds per organisation (no token needed: it is the sandbox's own
 * surface, not Paqtana's). State, reset and the received log are the kit's ({@link PaqtanaSandbox}).
 */
@RestController
@RequestMapping("/paqtana/_sandbox")
class PaqtanaSandboxController {

    private final PaqtanaProperties properties;
    private final MasterInventoryStore masterInventory;
    private final HistoricalDemandStore historicalDemand;

    PaqtanaSandboxController(PaqtanaProperties properties, MasterInventoryStore masterInventory,
                             HistoricalDemandStore historicalDemand) {
        this.properties = properties;
        this.masterInventory = masterInventory;
        this.historicalDemand = historicalDemand;
    }

    @GetMapping("/orgs/{org}/master_inventory")
    MasterInventoryStore.MasterInventoryView masterInventory(@PathVariable String org) {
        return masterInventory.view(known(org));
    }

    @GetMapping("/orgs/{org}/historical_demand")
    HistoricalDemandStore.HistoricalDemandView historicalDemand(@PathVariable String org) {
        return historicalDemand.view(known(org));
    }

    private String known(String org) {
        if (!properties.orgs().containsKey(org)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown organisation " + org);
        }
        return org;
    }
}
