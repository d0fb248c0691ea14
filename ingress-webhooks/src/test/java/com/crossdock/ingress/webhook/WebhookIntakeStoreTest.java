package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The intake's store, on the real broker and a real spool. Issue 13, point 9: a provider that hangs up while its
 * webhook is being stored; the id was claimed before the store, which must still run to its end, so that the webhook
 * is stored (and a retry is a duplicate), never left claimed for the dedupe window without being stored (a retry
 * would be answered "duplicate" and the webhook lost). Point 7: a full spool is a clear 503 with Retry-After.
 */
class WebhookIntakeStoreTest {

    private static final String TOPIC = "crossdock.cancel-test-" + UUID.randomUUID().toString().substring(0, 8) + "-raw.v1";

    @TempDir
    Path spoolDirectory;

    private final RawRecordSender sender = new RawRecordSender(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), DataSize.ofMegabytes(2));
    private DurableSpool spool;
    private final List<RawWebhookStore> stores = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        stores.forEach(RawWebhookStore::close);
        sender.destroy();
        if (spool != null) {
            spool.close();
        }
    }

    @Test
    void aWebhookWhoseRequestIsCancelledWhileItIsStoredIsStoredAnyway() throws Exception {
        spool = DurableSpool.open(SpoolOptions.defaults(spoolDirectory));
        DedupeMemory dedupe = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookIntake intake = intake(dedupe, sender, Duration.ofSeconds(10), meters);
        String id = UUID.randomUUID().toString();
        Disposable request = intake.receive(request(id), "corr-1", () -> { }).subscribe();
        request.dispose();

        assertThat(dedupe.knows(id)).as("claimed before the store").isTrue();
        TopicReader topics = new TopicReader(TestKafka.bootstrapServers());
        // stored where the intake stores: on Kafka, or in the spool when Kafka was slower than the ack timeout (a cold
        // producer on a busy machine); never neither
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topics.all(TOPIC).size() + spool.depth())
                .as("the claimed webhook is stored although its request was cancelled").isEqualTo(1));
        // and counted as accepted: it is mapped like any other, so the accepted count must not fall behind the mapped
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.find(IngressMetrics.ACCEPTED).counters().stream().mapToDouble(c -> c.count()).sum())
                .as("counted accepted although nobody waited for its answer").isEqualTo(1.0));
    }

    @Test
    void aFullSpoolWhileKafkaIsAwayIsA503WithRetryAfterAndTheIdIsGivenBack() throws Exception {
        spool = DurableSpool.open(SpoolOptions.defaults(spoolDirectory).withMaxBytes(64));
        DedupeMemory dedupe = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        RawRecordSender away = new RawRecordSender(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 200), DataSize.ofMegabytes(2));
        try {
            String id = UUID.randomUUID().toString();

            Throwable refused = intake(dedupe, away, Duration.ofSeconds(2), new SimpleMeterRegistry())
                    .receive(request(id), "corr-2", () -> { })
                    .map(answer -> (Throwable) new AssertionError("answered " + answer))
                    .onErrorResume(failure -> reactor.core.publisher.Mono.just(failure)).block(Duration.ofSeconds(30));

            assertThat(refused).isInstanceOfSatisfying(org.springframework.web.ErrorResponseException.class, problem -> {
                assertThat(problem.getStatusCode().value()).isEqualTo(503);
                assertThat(problem.getHeaders().getFirst("Retry-After"))
                        .isEqualTo(Long.toString(WebhookIntake.SPOOL_FULL_RETRY_AFTER_SECONDS));
            });
            assertThat(spool.refusedFullCount()).isEqualTo(1);
            assertThat(dedupe.knows(id)).as("given back: a retry is taken, not answered duplicate").isFalse();
        } finally {
            away.destroy();
        }
    }

    private WebhookIntake intake(DedupeMemory dedupe, RawRecordSender kafka, Duration ackTimeout,
            SimpleMeterRegistry meters) {
        WebhookProvider provider = WebhookProvider.builder("cancel")
                .authentication(WebhookAuthentication.token(Secret.of("t0ken"), RequestField.body("token")))
                .deliveryId(RequestField.body("id"))
                .eventType(RequestField.body("type"))
                .rawTopic(TOPIC)
                .mapper(delivery -> { throw new UnsupportedOperationException("not mapped here"); })
                .mapperGroup(new ConsumerGroup("cancel-mapper", TOPIC))
                .build();
        RawWebhookStore store = new RawWebhookStore(kafka, spool, () -> { }, ackTimeout);
        stores.add(store);
        return new WebhookIntake(provider, dedupe, store,
                new IngressMetrics(meters, "cancel"), Clock.systemUTC(), 1024 * 1024);
    }

    private static MockServerHttpRequest request(String id) {
        return MockServerHttpRequest.post("/webhooks/cancel").contentType(MediaType.APPLICATION_JSON)
                .body("{\"id\":\"" + id + "\",\"type\":\"ping\",\"token\":\"t0ken\"}");
    }
}
