package com.crossdock.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context the ingress's integration tests share (every subclass leaves this configuration as it
 * is, so the context is cached): the whole service on a random port against the JVM's shared real broker, with a
 * second webhook provider beside Prodsmart ({@link AcmeProvider}), so that every test runs with two.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IngressApplication.CONFIG_NAME,
                "crossdock.ingress.prodsmart.webhook-secret=" + IngressIntegrationTest.SECRET,
                "crossdock.ingress.optimakers.token=" + IngressIntegrationTest.OPTIMAKERS_TOKEN,
                // the Prodsmart company, as the poller reads it too (ProdsmartProperties)
                "crossdock.prodsmart.company=" + IngressIntegrationTest.COMPANY,
                "crossdock.prodsmart.time-zone=Europe/Lisbon",
                "crossdock.ingress.dedupe.retry.initial-interval=200ms",
                // a cold producer on a busy test machine must not make these tests take the spool path
                // (KafkaOutageTest covers it): a timed-out send could land next to its spooled copy
                "crossdock.ingress.kafka-ack-timeout=10s",
                // slow clients (SlowUploadsTest): no test here sends more webhooks at once; a 1 MB body on this
                // machine arrives in far less
                "crossdock.ingress.max-concurrent-uploads=" + IngressIntegrationTest.MAX_CONCURRENT_UPLOADS,
                "crossdock.ingress.request-timeout=15s"})
@CrossdockKafkaTest
@AutoConfigureWebTestClient
@Import(AcmeProvider.class)
abstract class IngressIntegrationTest {

    static final String SECRET = "prodsmart-demo-secret";
    static final String OPTIMAKERS_TOKEN = "optimakers-demo-webhook-token";
    static final String COMPANY = "acme";
    static final int MAX_CONCURRENT_UPLOADS = 8;
    private static final Path SPOOL = temporaryDirectory();

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaProperties kafka;

    /** Actuator's own port (management.server.port): never the public one. */
    @LocalManagementPort
    int managementPort;

    Webhooks webhooks;
    TopicReader topics;

    @DynamicPropertySource
    static void spool(DynamicPropertyRegistry registry) {
        registry.add("crossdock.spool.directory", SPOOL::toString);
    }

    @BeforeEach
    void helpers() {
        webhooks = new Webhooks(web, SECRET);
        topics = new TopicReader(kafka.getBootstrapServers());
    }

    /** Waits until the service is ready (the dedupe memory is rebuilt), as a load balancer would. */
    void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    /** A client of actuator, on its own port. */
    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Timeouts.BLOCK).build();
    }

    /**
     * The raw record of a webhook answered 200. Usually there at once; but a send that took longer than the ack
     * timeout (a cold producer on a busy machine) was answered from the spool and reaches Kafka a moment later.
     */
    ConsumerRecord<byte[], byte[]> awaitRaw(String uuid) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                topics.withHeader(Topics.PRODSMART_WEBHOOK_RAW, ProdsmartHeaders.WEBHOOK_UUID, uuid)).isNotEmpty());
        List<ConsumerRecord<byte[], byte[]>> records =
                topics.withHeader(Topics.PRODSMART_WEBHOOK_RAW, ProdsmartHeaders.WEBHOOK_UUID, uuid);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ingress-test-spool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
