package com.crossdock.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /webhooks/optimakers}: the security token in the body checked (401 and nothing stored otherwise), the
 * webhook stored raw without its token before the 2xx, once per webhook id; a body that is no Optimakers webhook
 * refused with the field at fault.
 */
class OptimakersWebhookTest extends IngressIntegrationTest {

    @Test
    void storesAnAuthenticWebhookRawWithoutItsTokenOncePerId() {
        awaitReady();
        String id = Webhooks.newUuid();
        String body = body(id, "order.updated", OPTIMAKERS_TOKEN);

        post(body).exchange().expectStatus().isOk();
        post(body).exchange().expectStatus().is2xxSuccessful();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stored(id)).isNotEmpty());
        List<ConsumerRecord<byte[], byte[]>> stored = stored(id);
        assertThat(stored).hasSize(1);
        String raw = new String(stored.get(0).value(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(OPTIMAKERS_TOKEN).contains("\"ids\": [7]");
        assertThat(TopicReader.header(stored.get(0), RawRecordHeaders.EVENT_TYPE)).isEqualTo("order.updated");
    }

    @Test
    void refusesAWrongTokenWith401AndStoresNothing() {
        awaitReady();
        String wrong = Webhooks.newUuid();
        String missing = Webhooks.newUuid();

        post(body(wrong, "order.updated", "not-the-token")).exchange().expectStatus().isUnauthorized();
        post(body(missing, "order.updated", "")).exchange().expectStatus().isUnauthorized();
        // a webhook stored later proves the topic was read past where the refused ones would be
        String good = Webhooks.newUuid();
        post(body(good, "product.updated", OPTIMAKERS_TOKEN)).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stored(good)).hasSize(1));

        assertThat(stored(wrong)).isEmpty();
        assertThat(stored(missing)).isEmpty();
    }

    @Test
    void refusesABodyThatIsNoOptimakersWebhookNamingTheField() {
        awaitReady();
        String id = Webhooks.newUuid();
        String noIds = "{\"id\": \"" + id + "\", \"createdAt\": \"" + Instant.now() + "\", \"token\": \"" + OPTIMAKERS_TOKEN
                + "\", \"eventSource\": \"order.updated\", \"webhookRegistrationId\": 1}";

        post(noIds).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("ids");
        assertThat(stored(id)).isEmpty();
    }

    private List<ConsumerRecord<byte[], byte[]>> stored(String id) {
        return topics.withHeader(Topics.OPTIMAKERS_WEBHOOK_RAW, RawRecordHeaders.DELIVERY_ID, id);
    }

    private WebTestClient.RequestHeadersSpec<?> post(String body) {
        return web.post().uri("/webhooks/optimakers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A webhook as Optimakers sends it (VENDORS.md). */
    private static String body(String id, String eventSource, String token) {
        return "{\"id\": \"" + id + "\", \"createdAt\": \"" + Instant.now() + "\", \"token\": \"" + token
                + "\", \"eventSource\": \"" + eventSource + "\", \"webhookRegistrationId\": 1, \"ids\": [7]}";
    }
}
