package com.crossdock.bench.noop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first baseline of bench/ingress-speed.sh (issue 15): a bare WebFlux endpoint that reads the whole body and
 * answers, with nothing else in the application (no actuator, no filters). What any WebFlux service costs per
 * request on this machine.
 */
@SpringBootApplication
@RestController
public class NoopHookApplication {

    /** The answer: the size of what was read, so that the body is really read. */
    record Answer(String status, int bytes) {
    }

    public static void main(String[] args) {
        SpringApplication.run(NoopHookApplication.class, args);
    }

    @PostMapping("/hook")
    Answer receive(@RequestBody byte[] body) {
        return new Answer("ok", body.length);
    }
}
