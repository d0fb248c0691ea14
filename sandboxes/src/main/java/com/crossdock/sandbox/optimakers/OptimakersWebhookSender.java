package com.crossdock.sandbox.optimakers;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Posts a webhook as Optimakers does: {@code {id, createdAt, token, eventSource, webhookRegistrationId, ids:[…]}}
 * (VENDORS.md), the security token in the body its only proof, once.
 */
final class OptimakersWebhookSender {

    /** The id of the webhook registration ("Ustawienia => Webhooki") every delivery names. */
    static final int REGISTRATION_ID = 1;

    private static final Logger log = LoggerFactory.getLogger(OptimakersWebhookSender.class);

    private final WebClient webClient;
    private final Clock clock;
    private final OptimakersInstance instance;

    OptimakersWebhookSender(WebClient webClient, Clock clock, OptimakersInstance instance) {
        this.webClient = webClient;
        this.clock = clock;
        this.instance = instance;
    }

    /** Sends {@code eventSource} about {@code ids} with {@code token}; completes with the target's status and answer. */
    Mono<Map<String, Object>> send(URI target, String eventSource, List<Long> ids, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("createdAt", clock.instant().toString());
        body.put("token", token);
        body.put("eventSource", eventSource);
        body.put("webhookRegistrationId", REGISTRATION_ID);
        body.put("ids", ids);
        return webClient.post().uri(target).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").map(answer -> {
                    Map<String, Object> delivery = new LinkedHashMap<>();
                    delivery.put("target", target.toString());
                    delivery.put("webhookId", body.get("id"));
                    delivery.put("eventSource", eventSource);
                    delivery.put("ids", ids);
                    delivery.put("status", response.statusCode().value());
                    delivery.put("answer", answer);
                    return delivery;
                }))
                .doOnNext(delivery -> {
                    instance.sent(delivery);
                    log.info("sent Optimakers webhook {} {} {} to {}: HTTP {}", delivery.get("webhookId"), eventSource,
                            ids, target, delivery.get("status"));
                });
    }
}
