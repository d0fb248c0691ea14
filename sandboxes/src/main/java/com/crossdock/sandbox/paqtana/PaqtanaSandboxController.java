package com.crossdock.sandbox.paqtana;

import com.crossdock.sandbox.received.ReceivedLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read-only inspection of what the Paqtana fake holds (no token needed: it is the sandbox's own surface,
 * not Paqtana's), and a reset for tests. The received log is at {@code /paqtana/_sandbox/received}.
 */
@RestController
@RequestMapping("/paqtana/_sandbox")
class PaqtanaSandboxController {

    private static final String VENDOR = "paqtana";

    private final PaqtanaProperties properties;
    private final MasterInventoryStore masterInventory;
    private final HistoricalDemandStore historicalDemand;
    private final ReceivedLog receivedLog;

    PaqtanaSandboxController(PaqtanaProperties properties, MasterInventoryStore masterInventory,
                             HistoricalDemandStore historicalDemand, ReceivedLog receivedLog) {
        this.properties = properties;
        this.masterInventory = masterInventory;
        this.historicalDemand = historicalDemand;
        this.receivedLog = receivedLog;
    }

    @GetMapping("/orgs/{org}/master_inventory")
    MasterInventoryStore.MasterInventoryView masterInventory(@PathVariable String org) {
        return masterInventory.view(known(org));
    }

    @GetMapping("/orgs/{org}/historical_demand")
    HistoricalDemandStore.HistoricalDemandView historicalDemand(@PathVariable String org) {
        return historicalDemand.view(known(org));
    }

    /** Forgets what the Paqtana fake holds and its part of the received log (faults stay: clear them apart). */
    @DeleteMapping
    ResponseEntity<Void> reset() {
        masterInventory.reset();
        historicalDemand.reset();
        receivedLog.clear(VENDOR);
        return ResponseEntity.noContent().build();
    }

    private String known(String org) {
        if (!properties.orgs().containsKey(org)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown organisation " + org);
        }
        return org;
    }
}
