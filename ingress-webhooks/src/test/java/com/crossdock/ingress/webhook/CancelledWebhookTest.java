package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.crossdock.ingress.webhook.store.DedupeMemory;
import com.crossdock.ingress.webhook.store.RawWebhookStore;
import com.crossdock.platform.config.Secret;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolOptions;
import com.crossdock.testing.TestKafka;
import com.crossdock.testing.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, point 9: a provider that hangs up while its webhook is being stored. The id was claimed before the
 * store; the store must still run to its end, so that the webhook is stored (and a retry is a duplicate), never left
 * claimed for the dedupe window without being stored (a retry would be answered "duplicate" and the webhook lost).
 */
class CancelledWebhookTest {

    private static final String TOPIC = "crossdock.cancel-test-" + UUID.randomUUID().toString().substring(0, 8) + "-raw.v1";

    @TempDir
    Path spoolDirectory;

    private final RawRecordSender sender = new RawRecordSender(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), DataSize.ofMegabytes(2));
    private DurableSpool spool;

    @AfterEach
    void close() throws Exception {
        sender.destroy();
        if (spool != null) {
            spool.close();
        }
    }

    @Test
    void aWebhookWhoseRequestIsCancelledWhileItIsStoredIsStoredAnyway() throws Exception {
        spool = DurableSpool.open(SpoolOptions.defaults(spoolDirectory));
        DedupeMemory dedupe = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        WebhookProvider provider = WebhookProvider.builder("cancel")
                .authentication(WebhookAuthentication.token(Secret.of("t0ken"), RequestField.body("token")))
                .deliveryId(RequestField.body("id"))
                .eventType(RequestField.body("type"))
                .rawTopic(TOPIC)
                .mapper(delivery -> { throw new UnsupportedOperationException("not mapped here"); })
                .mapperGroup(new ConsumerGroup("cancel-mapper", TOPIC))
                .build();
        WebhookIntake intake = new WebhookIntake(provider, dedupe,
                new RawWebhookStore(sender, spool, () -> { }, Duration.ofSeconds(10)),
                new IngressMetrics(new SimpleMeterRegistry(), "cancel"), Clock.systemUTC(), 1024 * 1024);
        String id = UUID.randomUUID().toString();
        byte[] body = ("{\"id\":\"" + id + "\",\"type\":\"ping\",\"token\":\"t0ken\"}").getBytes(StandardCharsets.UTF_8);

        Disposable request = intake.receive(MockServerHttpRequest.post("/webhooks/cancel")
                .contentType(MediaType.APPLICATION_JSON).body(new String(body, StandardCharsets.UTF_8)), "corr-1")
                .subscribe();
        request.dispose();

        assertThat(dedupe.knows(id)).as("claimed before the store").isTrue();
        TopicReader topics = new TopicReader(TestKafka.bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topics.all(TOPIC))
                .as("the claimed webhook is stored although its request was cancelled").hasSize(1));
    }
}
