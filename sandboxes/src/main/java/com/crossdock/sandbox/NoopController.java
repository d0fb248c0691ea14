package com.crossdock.sandbox;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /_sandbox/noop}: reads the body and answers 200, nothing else. The benchmarks' baseline: the
 * cost of WebFlux itself on this machine, measured in the same run as the ingress (bench/run.sh).
 */
@RestController
class NoopController {

    @PostMapping("/_sandbox/noop")
    Mono<ResponseEntity<Void>> noop(ServerWebExchange exchange) {
        return exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                .then(Mono.just(ResponseEntity.ok().build()));
    }
}
