package com.crossdock.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The local stack as a newcomer runs it: start, post one signed webhook, see the row at Paqtana, stop. */
class LocalStackEndToEndTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signedWebhookBecomesAPaqtanaRowAndTheStackStopsCleanly(@TempDir Path data) throws Exception {
        String ingress;
        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(data))) {
            ingress = stack.ingressUrl();
            assertThat(stack.describe()).contains(stack.ingressUrl(), stack.sandboxUrl(), stack.registryUrl(),
                    stack.kafkaBootstrapServers());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(get(stack.ingressUrl() + "/actuator/health/readiness").statusCode()).isEqualTo(200));

            String product = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> answer = postSignedMovement(stack.ingressUrl(), product);

            assertThat(answer.statusCode()).isBetween(200, 202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> held = get(stack.sandboxUrl() + "/paqtana/_sandbox/orgs/demo/master_inventory");
                assertThat(held.statusCode()).isEqualTo(200);
                assertThat(held.body()).contains("\"" + product + "\"");
            });
            assertThat(get(stack.registryUrl() + "/subjects").body()).contains("crossdock.stock-changed.v1-value");
        }
        assertThatThrownBy(() -> get(ingress + "/actuator/health")).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> postSignedMovement(String ingress, String product) throws Exception {
        byte[] body = ("""
                [{"product":{"id":222,"code":"%s","uom":"un"},"lot":{"code":"lot-1"},
                  "date":"2026-11-24T10:00:00Z","quantity":10.0,"stock-type":"in","comment":"e2e",
                  "warehouse-location":{"id":333,"code":"A-01","warehouse":{"id":444,"code":"main"}},
                  "receiving":{"id":666,"code":"R-1"},"worker":{"id":1,"number":0,"name":"w"}}]""")
                .formatted(product).getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(LocalStackSettings.DEMO_PRODSMART_API_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingress + "/webhooks/prodsmart"))
                .header("Content-Type", "application/json")
                .header("x-prodsmart-topic", "receiving_inventory_movement_created")
                .header("x-prodsmart-hmac-sha256", signature)
                .header("x-prodsmart-api-version", "1")
                .header("x-prodsmart-webhook-uuid", UUID.randomUUID().toString())
                .header("x-prodsmart-triggered-at", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
