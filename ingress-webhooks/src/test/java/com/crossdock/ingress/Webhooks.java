package com.crossdock.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
        // longer than the service's kafka-ack-timeout in these tests (10s): a cold producer on a busy machine may take
        // that long to answer the first webhook, and the client must not give up before the service does
        this.web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
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
        return post(headers, body, "corr-" + uuid);
    }

    /** A signed delivery as {@link #post(String, byte[], String)}, in the trace a W3C {@code traceparent} names. */
    WebTestClient.ResponseSpec postInTrace(String topic, byte[] body, String uuid, String traceparent) {
        Map<String, String> headers = new HashMap<>(new ProdsmartWebhookSigner(secret, Algorithm.HMAC_SHA256_HEX)
                .headers(topic, body, UUID.fromString(uuid), Instant.now()));
        headers.put("traceparent", traceparent);
        return post(headers, body, "corr-" + uuid);
    }

    /** A signed delivery, triggered now, without {@code x-prodsmart-webhook-uuid}. */
    WebTestClient.ResponseSpec postWithoutUuid(String topic, byte[] body) {
        Map<String, String> headers = new HashMap<>(new ProdsmartWebhookSigner(secret, Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER)
                .headers(topic, body, UUID.randomUUID(), Instant.now()));
        headers.remove(ProdsmartWebhookSigner.WEBHOOK_UUID_HEADER);
        return post(headers, body, "corr-" + newUuid());
    }

    /** {@code headers} as given (a test removes or changes one), signed or not. */
    WebTestClient.ResponseSpec post(Map<String, String> headers, byte[] body, String correlationId) {
        return web.post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .header("X-Correlation-Id", correlationId)
                .bodyValue(body)
                .exchange();
    }
}
