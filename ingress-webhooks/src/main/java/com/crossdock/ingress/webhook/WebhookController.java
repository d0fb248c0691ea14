package com.crossdock.ingress.webhook;

import java.util.Map;

import com.crossdock.platform.web.CorrelationIdFilter;
import com.crossdock.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/<provider>}, one path per {@link WebhookProvider} bean. Answers 200
 * {@code {"status":"accepted","uuid":...}} only once the raw delivery is acknowledged by Kafka (acks=all) or
 * fsync'd in the spool, and 200 {@code {"status":"duplicate",...}} for a delivery id already stored; 200 rather
 * than 202 because the delivery is durably stored by then, which is all a provider that never retries (Prodsmart)
 * needs to know. The body is read as raw bytes (no {@code consumes}/codec), so the authentication is checked over
 * exactly what was sent.
 */
@RestController
class WebhookController {

    private final Map<String, WebhookIntake> intakes;

    WebhookController(WebhookIntakes intakes) {
        this.intakes = intakes.byProvider();
    }

    @PostMapping("/webhooks/{provider}")
    Mono<WebhookIntake.Answer> receive(@PathVariable String provider, ServerWebExchange exchange) {
        WebhookIntake intake = intakes.get(provider);
        if (intake == null) {
            return Mono.error(Problems.problem(HttpStatus.NOT_FOUND, "webhook-unknown-provider",
                    "no webhook provider is configured at this path", null));
        }
        return intake.receive(exchange.getRequest(), CorrelationIdFilter.of(exchange));
    }
}
