package com.crossdock.poller;

import java.util.Map;

import com.crossdock.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/prodsmart/reconciliation}: starts a reconciliation now (202 with its run id, which is
 * the correlation id of its events); 409 while one runs or when this instance is a standby.
 */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/admin/prodsmart/reconciliation")
    ResponseEntity<Map<String, String>> reconcile() {
        return reconciliation.trigger()
                .map(runId -> ResponseEntity.accepted().body(Map.of("runId", runId)))
                .orElseThrow(() -> Problems.problem(HttpStatus.CONFLICT, "reconciliation-not-started",
                        "a reconciliation is running already, or this instance is a standby without the lease", null));
    }
}
