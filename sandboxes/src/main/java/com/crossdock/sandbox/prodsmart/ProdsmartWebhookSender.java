package com.crossdock.sandbox.prodsmart;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Posts a webhook to a receiver exactly as Prodsmart would: JSON body, signed {@code x-prodsmart-*}
 * headers, one attempt only (Prodsmart "Obecnie nie obsługujemy ponownych prób": it never retries).
 */
public class ProdsmartWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(ProdsmartWebhookSender.class);

    private final WebClient webClient;
    private final ProdsmartWebhookSigner signer;

    public ProdsmartWebhookSender(WebClient webClient, ProdsmartWebhookSigner signer) {
        this.webClient = webClient;
        this.signer = signer;
    }

    /** Signs and posts {@code body}; completes with the target's answer whatever its status. */
    public Mono<WebhookDelivery> send(URI target, String topic, byte[] body) {
        UUID webhookUuid = UUID.randomUUID();
        Map<String, String> headers = signer.headers(topic, body, webhookUuid, Instant.now());
        return webClient.post()
                .uri(target)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(answer -> new WebhookDelivery(target, topic, webhookUuid,
                                signer.algorithm().headerName(), response.statusCode().value(), answer)))
                .doOnNext(d -> log.info("sent Prodsmart webhook {} topic={} to {}: HTTP {}",
                        d.webhookUuid(), d.topic(), d.target(), d.status()));
    }
}
