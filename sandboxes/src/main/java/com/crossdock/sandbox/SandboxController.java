package com.crossdock.sandbox;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /_sandbox}: forgets everything every sandbox holds: each {@link VendorSandbox}'s state, the
 * received log, the faults (all {@link Resettable}).
 */
@RestController
class SandboxController {

    private final List<Resettable> resettables;

    SandboxController(List<Resettable> resettables) {
        this.resettables = resettables;
    }

    @DeleteMapping("/_sandbox")
    ResponseEntity<Void> resetAll() {
        resettables.forEach(Resettable::reset);
        return ResponseEntity.noContent().build();
    }
}
