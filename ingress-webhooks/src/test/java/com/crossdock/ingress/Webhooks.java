package com.crossdock.ingress;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Posts webhooks signed as Prodsmart signs them (the sandboxes' signer). */
final class Webhooks {

    static final String PATH = "/webhooks/prodsmart";

    private final WebTestClient web;
    private final String secret;

    Webhooks(WebTestClient web, String secret) {
        this.web = web;
        this.secret = secret;
    }

    static String newUuid() {
        return UUID.randomUUID().toString();
    }

    /** A signed delivery of {@code body} under {@code topic}, triggered now, with the given uuid. */
    WebTestClient.ResponseSpec post(String topic, byte[] body, String uuid) {
        return post(topic, body, uuid, Instant.now(), Algorithm.HMAC_SHA256_HEX);
    }

    WebTestClient.ResponseSpec post(String topic, byte[] body, String uuid, Instant triggeredAt, Algorithm algorithm) {
        Map<String, String> headers = new ProdsmartWebhookSigner(secret, algorithm)
                .headers(topic, body, UUID.fromString(uuid), triggeredAt);
        return web.post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .header("X-Correlation-Id", "corr-" + uuid)
                .bodyValue(body)
                .exchange();
    }
}
