package com.crossdock.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the local stack's tests send: plain HTTP, and Prodsmart webhooks signed as Prodsmart signs them. */
final class LocalHttp {

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST to an {@code /admin/} route with the local stack's demo admin token. */
    HttpResponse<String> postAdmin(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + LocalStackSettings.DEMO_ADMIN_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A webhook of {@code topic}, HMAC-SHA256 signed with the demo API secret, sent now. */
    HttpResponse<String> postSignedWebhook(String ingress, String topic, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingress + "/webhooks/prodsmart"))
                .header("Content-Type", "application/json")
                .header("x-prodsmart-topic", topic)
                .header("x-prodsmart-hmac-sha256", sign(bytes))
                .header("x-prodsmart-api-version", "1")
                .header("x-prodsmart-webhook-uuid", UUID.randomUUID().toString())
                .header("x-prodsmart-triggered-at", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(LocalStackSettings.DEMO_PRODSMART_API_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
