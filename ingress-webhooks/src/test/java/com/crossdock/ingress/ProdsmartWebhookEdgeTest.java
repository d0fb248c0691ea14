package com.crossdock.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused at the edge with a clear problem+json, before anything is stored. */
class ProdsmartWebhookEdgeTest extends IngressIntegrationTest {

    private static final String TOPIC = Example.PRODUCTION_ORDER_CREATE.topic();

    @Test
    void rejectsWebhookWithoutSignature() {
        String uuid = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_CREATE.body();

        WebTestClient.ResponseSpec answer = web.post().uri(Webhooks.PATH).contentType(MediaType.APPLICATION_JSON)
                .header(ProdsmartHeaders.TOPIC, TOPIC)
                .header(ProdsmartHeaders.WEBHOOK_UUID, uuid)
                .header(ProdsmartHeaders.TRIGGERED_AT, Instant.now().toString())
                .bodyValue(body).exchange();

        expectProblem(answer, 401, "webhook-signature-missing", "signature");
        assertNotStored(uuid);
    }

    @Test
    void rejectsWebhookWithTamperedBody() {
        String uuid = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_CREATE.body();
        String signature = ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA256_HEX, SECRET, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("3500", "9500").getBytes(StandardCharsets.UTF_8);

        WebTestClient.ResponseSpec answer = web.post().uri(Webhooks.PATH).contentType(MediaType.APPLICATION_JSON)
                .header(ProdsmartHeaders.TOPIC, TOPIC)
                .header(ProdsmartHeaders.HMAC_SHA256, signature)
                .header(ProdsmartHeaders.WEBHOOK_UUID, uuid)
                .header(ProdsmartHeaders.TRIGGERED_AT, Instant.now().toString())
                .bodyValue(tampered).exchange();

        expectProblem(answer, 401, "webhook-signature-invalid", "signature");
        assertNotStored(uuid);
    }

    @Test
    void rejectsWebhookSignedWithAnotherSecret() {
        String uuid = Webhooks.newUuid();

        WebTestClient.ResponseSpec answer = new Webhooks(web, "someone-elses-secret")
                .post(TOPIC, Example.PRODUCTION_ORDER_CREATE.body(), uuid);

        expectProblem(answer, 401, "webhook-signature-invalid", "signature");
        assertNotStored(uuid);
    }

    @Test
    void rejectsWebhookWithStaleTimestamp() {
        String old = Webhooks.newUuid();
        String future = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_CREATE.body();

        expectProblem(webhooks.post(TOPIC, body, old, Instant.now().minus(Duration.ofMinutes(6)), Algorithm.HMAC_SHA256_HEX),
                401, "webhook-stale", ProdsmartHeaders.TRIGGERED_AT);
        expectProblem(webhooks.post(TOPIC, body, future, Instant.now().plus(Duration.ofMinutes(6)), Algorithm.HMAC_SHA1_BASE64),
                401, "webhook-stale", ProdsmartHeaders.TRIGGERED_AT);
        assertNotStored(old);
        assertNotStored(future);
    }

    @Test
    void rejectsMalformedJsonNamingTheField() {
        String uuid = Webhooks.newUuid();
        byte[] body = "{\"id\": 1, \"products\": [{\"product\": \"V1\", \"quantity-ordered\": 35x}]}"
                .getBytes(StandardCharsets.UTF_8);

        expectProblem(webhooks.post(TOPIC, body, uuid), 400, "webhook-malformed-json", "products[0].quantity-ordered");
        assertNotStored(uuid);
    }

    @Test
    void rejectsBodyThatDoesNotFitItsTopicNamingTheField() {
        String uuid = Webhooks.newUuid();
        byte[] body = new String(Example.PRODUCTION_ORDER_CREATE.body(), StandardCharsets.UTF_8)
                .replace("\"quantity-ordered\": 3500", "\"quantity-ordered\": \"lots\"").getBytes(StandardCharsets.UTF_8);

        expectProblem(webhooks.post(TOPIC, body, uuid), 400, "webhook-invalid-body", "products[0].quantity-ordered");
        assertNotStored(uuid);
    }

    @Test
    void rejectsBodyThatIsNotJson() {
        String uuid = Webhooks.newUuid();

        WebTestClient.ResponseSpec answer = web.post().uri(Webhooks.PATH).contentType(MediaType.TEXT_PLAIN)
                .header(ProdsmartHeaders.WEBHOOK_UUID, uuid).bodyValue("id=1").exchange();

        expectProblem(answer, 415, "webhook-unsupported-media-type", "Content-Type");
        assertNotStored(uuid);
    }

    @Test
    void rejectsBodyOverTheLimitWhetherDeclaredOrStreamed() {
        byte[] large = new byte[1024 * 1024 + 1];
        Arrays.fill(large, (byte) ' ');

        expectProblem(webhooks.post(TOPIC, large, Webhooks.newUuid()), 413, "webhook-payload-too-large", "body");

        // no Content-Length: the limit holds while the chunks are read
        WebTestClient.ResponseSpec streamed = web.post().uri(Webhooks.PATH).contentType(MediaType.APPLICATION_JSON)
                .body(Flux.range(0, 17).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOf(large, 64 * 1024))),
                        DataBuffer.class)
                .exchange();
        expectProblem(streamed, 413, "webhook-payload-too-large", "body");
    }

    @Test
    void rejectsWebhookWithoutUuid() {
        byte[] body = Example.PRODUCTION_ORDER_CREATE.body();

        WebTestClient.ResponseSpec answer = web.post().uri(Webhooks.PATH).contentType(MediaType.APPLICATION_JSON)
                .header(ProdsmartHeaders.TOPIC, TOPIC)
                .header(ProdsmartHeaders.HMAC_SHA256, ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA256_HEX, SECRET, body))
                .header(ProdsmartHeaders.TRIGGERED_AT, Instant.now().toString())
                .bodyValue(body).exchange();

        expectProblem(answer, 400, "webhook-missing-header", ProdsmartHeaders.WEBHOOK_UUID);
    }

    private static void expectProblem(WebTestClient.ResponseSpec answer, int status, String type, String field) {
        byte[] content = answer.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://crossdock.dev/problems/" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").isNotEmpty()
                .returnResult().getResponseBodyContent();
        // no secret, signature or stack trace in an answer
        assertThat(new String(content, StandardCharsets.UTF_8))
                .doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("hmac");
    }

    private void assertNotStored(String uuid) {
        assertThat(topics.withHeader(Topics.PRODSMART_WEBHOOK_RAW, ProdsmartHeaders.WEBHOOK_UUID, uuid)).isEmpty();
    }
}
