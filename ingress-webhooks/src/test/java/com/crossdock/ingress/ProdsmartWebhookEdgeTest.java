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

/**
 * What is refused at the edge with a clear problem+json, storing nothing: an unsigned or wrongly signed request (401),
 * one that is not JSON (415) or too large (413). Whatever is verified is kept: ProdsmartWebhookKeepTest.
 */
class ProdsmartWebhookEdgeTest extends IngressIntegrationTest {

    private static final String TOPIC = Example.PRODUCTION_ORDER_CREATE.topic();

    @org.springframework.beans.factory.annotation.Autowired
    com.crossdock.platform.spool.DurableSpool spool;

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
    void refusesAStaleWebhookWhoseSignatureDoesNotVerifyRatherThanQuarantiningIt() {
        String uuid = Webhooks.newUuid();

        WebTestClient.ResponseSpec answer = new Webhooks(web, "someone-elses-secret").post(TOPIC,
                Example.PRODUCTION_ORDER_CREATE.body(), uuid, Instant.now().minus(Duration.ofHours(1)),
                Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER);

        expectProblem(answer, 401, "webhook-signature-invalid", "signature");
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
    void aSignedWebhookJustUnderTheBodyLimitIsStoredOnTheRawTopicAndTheNextOneIsNotHeldBehindIt() {
        // the reproduced case: 1,048,176 bytes, answered 200 but refused by Kafka (record with headers over the
        // producer's max.request.size), retried from the spool forever while every later webhook waited behind it
        byte[] example = Example.PRODUCTION_ORDER_CREATE.body();
        byte[] nearTheLimit = Arrays.copyOf(example, 1_048_176);
        Arrays.fill(nearTheLimit, example.length, nearTheLimit.length, (byte) ' ');
        String large = Webhooks.newUuid();
        String next = Webhooks.newUuid();

        webhooks.post(TOPIC, nearTheLimit, large).expectStatus().isOk();
        webhooks.post(TOPIC, example, next).expectStatus().isOk();

        assertThat(awaitRaw(large).value()).isEqualTo(nearTheLimit);
        assertThat(awaitRaw(next).value()).isEqualTo(example);
        assertThat(spool.setAsideDepth()).isZero();
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
        assertThat(topics.withHeader(Topics.quarantineTopic(Topics.PRODSMART_WEBHOOK_RAW), ProdsmartHeaders.WEBHOOK_UUID,
                uuid)).isEmpty();
    }
}
