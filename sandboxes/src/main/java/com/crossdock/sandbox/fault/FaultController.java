package com.crossdock.sandbox.fault;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The fault-injection API, shared by every vendor: {@code /_sandbox/faults/{vendor}} where vendor is a
 * path prefix without slashes around it ({@code paqtana}, {@code suppliers/omega}).
 */
@RestController
@RequestMapping("/_sandbox/faults")
class FaultController {

    private static final Pattern VENDOR = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    private final FaultRegistry registry;

    FaultController(FaultRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    Map<String, FaultRegistry.FaultView> list() {
        return registry.list();
    }

    @PostMapping("/{*vendor}")
    ResponseEntity<FaultRegistry.FaultView> set(@PathVariable String vendor, @RequestBody FaultSpec spec) {
        String key = vendorKey(vendor);
        String problem = spec.problem();
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
        }
        registry.set(key, spec);
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.list().get(key));
    }

    @DeleteMapping("/{*vendor}")
    ResponseEntity<Void> clear(@PathVariable String vendor) {
        registry.clear(vendorKey(vendor));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    ResponseEntity<Void> clearAll() {
        registry.reset();
        return ResponseEntity.noContent().build();
    }

    private static String vendorKey(String captured) {
        String key = captured.replaceAll("^/+|/+$", "");
        if (!VENDOR.matcher(key).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "vendor must be a path prefix such as 'paqtana' or 'suppliers/omega'");
        }
        return key;
    }
}
