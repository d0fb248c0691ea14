package com.crossdock.sandbox.received;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only "what did you receive" endpoints (DESIGN.md "Local stack contract"), for every vendor
 * prefix: {@code /paqtana/_sandbox/received}, {@code /suppliers/omega/_sandbox/received}, and all of them
 * at {@code /_sandbox/received[?vendor=paqtana]}.
 */
@RestController
class ReceivedController {

    private final ReceivedLog log;

    ReceivedController(ReceivedLog log) {
        this.log = log;
    }

    @GetMapping("/_sandbox/received")
    List<ReceivedRequest> all(@RequestParam(required = false) String vendor) {
        return vendor == null ? log.all() : log.under(vendor);
    }

    @GetMapping("/{vendor}/_sandbox/received")
    List<ReceivedRequest> vendor(@PathVariable String vendor) {
        return log.under(vendor);
    }

    @GetMapping("/{vendor}/{name}/_sandbox/received")
    List<ReceivedRequest> namedVendor(@PathVariable String vendor, @PathVariable String name) {
        return log.under(vendor + "/" + name);
    }
}
