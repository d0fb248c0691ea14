package com.crossdock.ingress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.ingress.webhook.IngressMetrics;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.testing.StandaloneKafka;
import com.crossdock.testing.TestSchemaRegistry;
import com.crossdock.testing.TopicReader;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka really unavailable (its process frozen): the webhook is still answered 2xx once the ack timeout has
 * passed, because it is fsync'd in the spool; the ones after it are spooled behind it; once Kafka is back they
 * are all delivered, in order, nothing lost. The only test with its own broker (and so its own context),
 * closed after the test, before the broker.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IngressApplication.CONFIG_NAME,
                "crossdock.ingress.prodsmart.webhook-secret=" + KafkaOutageTest.SECRET,
                "crossdock.ingress.kafka-ack-timeout=1s",
                "crossdock.spool.drain-interval=200ms",
                "crossdock.spool.retry.initial-interval=400ms",
                "crossdock.spool.retry.max-interval=1s",
                "crossdock.spool.send-timeout=2s"})
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class KafkaOutageTest {

    static final String SECRET = "outage-secret";
    private static StandaloneKafka kafka;

    @Autowired
    WebTestClient web;

    @Autowired
    DurableSpool spool;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void standaloneKafka(DynamicPropertyRegistry registry) throws IOException {
        kafka = StandaloneKafka.start();
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", TestSchemaRegistry::url);
        registry.add("crossdock.spool.directory", Files.createTempDirectory("ingress-outage-spool")::toString);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void spoolsWebhooksWhileKafkaIsUnavailableAndDeliversThemInOrderOnceItIsBack() {
        Webhooks webhooks = new Webhooks(web.mutate().responseTimeout(Duration.ofSeconds(20)).build(), SECRET);
        TopicReader topics = new TopicReader(kafka.bootstrapServers());
        String before = Webhooks.newUuid();
        webhooks.post("productionOrder/create", order("before"), before).expectStatus().isOk();
        // a cold producer may take longer than the ack timeout for its first send: wait until that is in Kafka
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(spool.depth()).isZero();
            assertThat(firstAppearances(topics.all(Topics.PRODSMART_WEBHOOK_RAW))).containsExactly(before);
        });
        double spooledBefore = spooledCount();

        kafka.pause();
        List<String> during = new ArrayList<>();
        try {
            for (String step : List.of("first", "second", "third")) {
                String uuid = Webhooks.newUuid();
                during.add(uuid);
                webhooks.post("productionOrder/update", order(step), uuid).expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("accepted");
            }
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(meters.get("crossdock.spool.depth").gauge().value()).isEqualTo(3.0);
            assertThat(spooledCount() - spooledBefore).isEqualTo(3.0);
        } finally {
            kafka.resume();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(spool.depth()).isZero());
        List<String> delivered = firstAppearances(topics.all(Topics.PRODSMART_WEBHOOK_RAW));
        // one key, one partition: offsets are the order. A send that timed out may have landed as well as its
        // spooled copy (a duplicate the event ids derived from the delivery id make harmless): the first of each counts
        assertThat(delivered).containsExactly(before, during.get(0), during.get(1), during.get(2));
    }

    private double spooledCount() {
        var spooled = meters.find(IngressMetrics.ACCEPTED).tags(IngressMetrics.PROVIDER, "prodsmart", "destination", "spool")
                .counter();
        return spooled == null ? 0 : spooled.count();
    }

    private static List<String> firstAppearances(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> uuids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String uuid = TopicReader.header(record, ProdsmartHeaders.WEBHOOK_UUID);
            if (!uuids.contains(uuid)) {
                uuids.add(uuid);
            }
        }
        return uuids;
    }

    private static byte[] order(String step) {
        return ("{\"id\": 4242, \"code\": \"outage-" + step + "\", \"products\": "
                + "[{\"product\": \"P1\", \"quantity-ordered\": 5}]}").getBytes(StandardCharsets.UTF_8);
    }
}
