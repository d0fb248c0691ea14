package com.crossdock.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.ingress.webhook.WebhookProvider;
import com.crossdock.ingress.webhook.store.DedupeMemory;
import com.crossdock.ingress.webhook.store.DedupeRebuilder;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** After a restart each provider's memory of delivery ids is rebuilt from its raw topic, not lost. */
class DedupeRebuildTest extends IngressIntegrationTest {

    @Test
    void remembersAfterARestartTheUuidsThatKafkaHolds() {
        String seen = Webhooks.newUuid();
        webhooks.post(Example.PUNCH_CLOCK_CREATED.topic(), Example.PUNCH_CLOCK_CREATED.body(), seen).expectStatus().isOk();
        awaitRaw(seen);

        // what a restarted instance does: an empty memory, rebuilt from the raw topic
        DedupeMemory restarted = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        int found = rebuilder(restarted).rebuild();

        assertThat(found).isPositive();
        assertThat(restarted.knows(seen)).isTrue();
        assertThat(restarted.claim(seen)).isFalse();
        assertThat(restarted.knows(Webhooks.newUuid())).isFalse();
    }

    @Test
    void remembersAfterARestartTheIdsOfQuarantinedWebhooksTheDerivedOnesToo() {
        String stale = Webhooks.newUuid();
        byte[] body = Example.PRODUCTION_ORDER_UPDATE.body();
        webhooks.post(Example.PRODUCTION_ORDER_UPDATE.topic(), body, stale, Instant.now().minus(Duration.ofHours(1)),
                Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER).expectStatus().isOk();
        byte[] uuidLess = "{\"id\": 4242}".getBytes(StandardCharsets.UTF_8);
        webhooks.postWithoutUuid("productionOrder/delete", uuidLess).expectStatus().isOk();
        String derived = WebhookProvider.derivedId("productionOrder/delete", uuidLess);

        DedupeMemory restarted = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rebuilder(restarted).rebuild();
            assertThat(restarted.knows(stale)).isTrue();
            assertThat(restarted.knows(derived)).isTrue();
        });
    }

    @Test
    void remembersAProviderWhoseDeliveryIdIsInTheBodyByTheHeaderTheEdgeWrote() {
        String seen = Webhooks.newUuid();
        web.post().uri(AcmeProvider.PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AcmeProvider.body(seen, "product.deleted", "[]", AcmeProvider.TOKEN, Instant.now())
                        .getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isOk();

        DedupeMemory restarted = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rebuilder(restarted, List.of(AcmeProvider.RAW_TOPIC), RawRecordHeaders.DELIVERY_ID).rebuild();
            assertThat(restarted.knows(seen)).isTrue();
        });
    }

    private DedupeRebuilder rebuilder(DedupeMemory memory) {
        return rebuilder(memory, List.of(Topics.PRODSMART_WEBHOOK_RAW, Topics.quarantineTopic(Topics.PRODSMART_WEBHOOK_RAW)),
                ProdsmartHeaders.WEBHOOK_UUID);
    }

    private DedupeRebuilder rebuilder(DedupeMemory memory, List<String> topics, String deliveryIdHeader) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new DedupeRebuilder(() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                topics, deliveryIdHeader, memory, Clock.systemUTC());
    }
}
