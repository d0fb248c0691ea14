package com.crossdock.ingress.prodsmart;

import com.crossdock.platform.web.CorrelationIdFilter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/prodsmart}. Answers 200 {@code {"status":"accepted","uuid":...}} only once the raw
 * webhook is acknowledged by Kafka (acks=all) or fsync'd in the spool, and 200
 * {@code {"status":"duplicate",...}} for a uuid already stored; 200 rather than 202 because the webhook is
 * durably stored by then, which is all Prodsmart (which never retries) needs to know. The body is read as raw
 * bytes (no {@code consumes}/codec), so the signature is checked over exactly what was sent.
 */
@RestController
class ProdsmartWebhookController {

    private final ProdsmartWebhookIntake intake;

    ProdsmartWebhookController(ProdsmartWebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/webhooks/prodsmart")
    Mono<ProdsmartWebhookIntake.Answer> receive(ServerWebExchange exchange) {
        return intake.receive(exchange.getRequest(), CorrelationIdFilter.of(exchange));
    }
}
