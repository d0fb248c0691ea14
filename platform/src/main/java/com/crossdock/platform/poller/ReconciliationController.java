package com.crossdock.platform.poller;

import java.util.List;
import java.util.Map;

import com.crossdock.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/<vendor>/reconciliation}: starts a reconciliation now (202 with its run id, which is the
 * correlation id of its events); 409 while one runs or when this instance is a standby; 404 for a vendor this
 * service does not poll.
 */
@RestController
class ReconciliationController {

    private final List<ReconciliationRunner> runners;

    ReconciliationController(List<ReconciliationRunner> runners) {
        this.runners = runners;
    }

    @PostMapping("/admin/{vendor}/reconciliation")
    ResponseEntity<Map<String, String>> reconcile(@PathVariable("vendor") String vendor) {
        ReconciliationRunner runner = runners.stream().filter(r -> r.vendor().equals(vendor)).findFirst()
                .orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND, "unknown-vendor",
                        "this service does not poll " + vendor, "vendor"));
        return runner.trigger()
                .map(runId -> ResponseEntity.accepted().body(Map.of("runId", runId)))
                .orElseThrow(() -> Problems.problem(HttpStatus.CONFLICT, "reconciliation-not-started",
                        "a reconciliation is running already, or this instance is a standby without the lease", null));
    }
}
