package com.crossdock.sandbox.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.crossdock.sandbox.SandboxTestSupport;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The demo endpoint signs like Prodsmart and posts to a receiver; the receiver here is a bare Netty server. */
class ProdsmartWebhookSendTest extends SandboxTestSupport {

    private static final String SECRET = "prodsmart-demo-secret";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private DisposableServer receiver;

    private record Received(HttpHeaders headers, byte[] body) {
    }

    @BeforeEach
    void startReceiver() {
        receiver = HttpServer.create().port(0)
                .route(routes -> routes.post("/webhooks/prodsmart", (request, response) ->
                        request.receive().aggregate().asByteArray().flatMap(body -> {
                            received.add(new Received(request.requestHeaders().copy(), body));
                            return response.status(202).sendString(Mono.just("accepted")).then();
                        })))
                .bindNow();
    }

    @AfterEach
    void stopReceiver() {
        receiver.disposeNow();
    }

    @Test
    void sendsASignedWebhookAndAnswersWithTheTargetsStatus() {
        client.post().uri("/prodsmart/_sandbox/webhooks/send")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"topic\":\"productionOrder/update\",\"body\":{\"id\":7,\"code\":\"PO-7\"},\"target\":\""
                        + target() + "\"}")
                .exchange()
                .expectStatus().isEqualTo(202)
                .expectBody()
                .jsonPath("$.status").isEqualTo(202)
                .jsonPath("$.responseBody").isEqualTo("accepted")
                .jsonPath("$.signatureHeader").isEqualTo("x-prodsmart-hmac-sha256");

        assertThat(received).singleElement().satisfies(webhook -> {
            assertThat(new String(webhook.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7,\"code\":\"PO-7\"}");
            assertThat(webhook.headers().get("x-prodsmart-topic")).isEqualTo("productionOrder/update");
            assertThat(webhook.headers().get("x-prodsmart-api-version")).isEqualTo("1");
            assertThat(webhook.headers().get("x-prodsmart-webhook-uuid")).isNotBlank();
            // by default as the document's example: an HMAC-SHA1 (40 hex digits) in the sha256 header
            assertThat(webhook.headers().get("x-prodsmart-hmac-sha256")).hasSize(40)
                    .isEqualTo(ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER, SECRET, webhook.body()));
        });
    }

    @Test
    void sendsTheDocumentsExampleWhenNoBodyIsGiven() {
        client.post().uri("/prodsmart/_sandbox/webhooks/send")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"topic\":\"lot_created\",\"target\":\"" + target() + "\"}")
                .exchange()
                .expectStatus().isEqualTo(202);

        assertThat(received).singleElement().satisfies(webhook ->
                assertThat(webhook.body()).isEqualTo(ProdsmartExamples.load(ProdsmartExamples.LOTS_JSON)));
    }

    @Test
    void answersBadGatewayWhenTheTargetIsUnreachable() {
        String closedPort = target().replace(":" + receiver.port() + "/", ":1/");

        client.post().uri("/prodsmart/_sandbox/webhooks/send")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"topic\":\"productionOrder/create\",\"target\":\"" + closedPort + "\"}")
                .exchange()
                .expectStatus().isEqualTo(502);
    }

    @Test
    void refusesATopicWithoutBodyOrExample() {
        client.post().uri("/prodsmart/_sandbox/webhooks/send")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"topic\":\"unknown/topic\",\"target\":\"" + target() + "\"}")
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(received).isEmpty();
    }

    private String target() {
        return "http://localhost:" + receiver.port() + "/webhooks/prodsmart";
    }
}
