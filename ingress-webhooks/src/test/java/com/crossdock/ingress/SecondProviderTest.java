package com.crossdock.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.ingress.webhook.IngressMetrics;
import com.crossdock.ingress.webhook.InvalidWebhookException;
import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolRecord;
import com.crossdock.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kit is generic: a second provider ({@link AcmeProvider}: a token in the body, its id, event type and sending
 * time in the body too) goes through the same intake, dedupe, store and mapper stage as Prodsmart, on its own raw
 * topic, memory and consumer group.
 */
class SecondProviderTest extends IngressIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventCodec codec;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ConsumerGroup acmeMapperGroup;
    @Autowired
    ConsumerGroup ingressMapperGroup;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DurableSpool.Sender spoolSender;
    @Autowired
    @Qualifier("dedupeMemoryHealthIndicator")
    HealthIndicator dedupeMemory;

    @Test
    void storesTheDeliveryRawWithoutItsTokenAndMapsItInItsOwnGroup() {
        String id = Webhooks.newUuid();
        String body = AcmeProvider.body(id, "product.updated", "[\"A-1\", \"A-2\"]", AcmeProvider.TOKEN, Instant.now());

        post(body).header(AcmeProvider.KEPT_HEADER, "7").header("Authorization", "Basic c2VjcmV0")
                .header("X-Correlation-Id", "corr-" + id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("accepted").jsonPath("$.uuid").isEqualTo(id);

        ConsumerRecord<byte[], byte[]> raw = awaitAcmeRaw(id);
        // the body as received, byte for byte, except the token's value: a credential never reaches a topic
        assertThat(new String(raw.value(), StandardCharsets.UTF_8))
                .isEqualTo(body.replace("\"" + AcmeProvider.TOKEN + "\"", "\"******\""));
        assertThat(new String(raw.key(), StandardCharsets.UTF_8)).isEqualTo(id);
        assertThat(headerNames(raw)).contains(RawRecordHeaders.DELIVERY_ID, RawRecordHeaders.EVENT_TYPE,
                RawRecordHeaders.RECEIVED_AT, RawRecordHeaders.CORRELATION_ID, RawRecordHeaders.CONTENT_TYPE,
                AcmeProvider.KEPT_HEADER).doesNotContain("authorization");
        assertThat(TopicReader.header(raw, RawRecordHeaders.EVENT_TYPE)).isEqualTo("product.updated");

        ArticleUpserted second = codec.decode(awaitEvent(id, 1), ArticleUpserted.class);
        assertThat(second.getCode()).isEqualTo("A-2");
        assertThat(second.getEnvelope().getCorrelationId()).isEqualTo("corr-" + id);
        assertThat(codec.decode(awaitEvent(id, 0), ArticleUpserted.class).getCode()).isEqualTo("A-1");
        assertThat(meters.get(IngressMetrics.MAPPED).tag(IngressMetrics.PROVIDER, AcmeProvider.NAME)
                .tag("topic", "product.updated").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesAMissingOrWrongTokenWith401AndStoresNothing() {
        String wrong = Webhooks.newUuid();
        String none = Webhooks.newUuid();
        String unreadable = Webhooks.newUuid();

        expectProblem(post(AcmeProvider.body(wrong, "product.updated", "[]", "not-the-token", Instant.now())),
                401, "webhook-token-invalid", "token");
        expectProblem(post(AcmeProvider.body(none, "product.updated", "[]", "", Instant.now())),
                401, "webhook-token-missing", "token");
        // a body the token cannot be read from is unauthenticated: the sender learns nothing about its JSON
        expectProblem(post("{\"id\": \"" + unreadable + "\", \"token\": \"" + AcmeProvider.TOKEN + "\""),
                401, "webhook-token-missing", "token");

        assertThat(topics.all(AcmeProvider.RAW_TOPIC)).noneMatch(record -> {
            String id = TopicReader.header(record, RawRecordHeaders.DELIVERY_ID);
            return List.of(wrong, none, unreadable).contains(id);
        });
    }

    @Test
    void refusesAStaleDeliveryAndOneWithoutIdNamingTheBodyField() {
        String id = Webhooks.newUuid();

        expectProblem(post(AcmeProvider.body(id, "product.updated", "[]", AcmeProvider.TOKEN,
                Instant.now().minus(Duration.ofMinutes(6)))), 401, "webhook-stale", "createdAt");
        expectProblem(post(AcmeProvider.body(id, "product.updated", "[]", AcmeProvider.TOKEN, Instant.now())
                .replace("\"createdAt\": \"", "\"createdAt\": \"yesterday ")), 400, "webhook-invalid-body", "createdAt");
        expectProblem(post(AcmeProvider.body("", "product.updated", "[]", AcmeProvider.TOKEN, Instant.now())),
                400, "webhook-invalid-body", "id");

        assertThat(topics.withHeader(AcmeProvider.RAW_TOPIC, RawRecordHeaders.DELIVERY_ID, id)).isEmpty();
    }

    @Test
    void dedupesByItsOwnDeliveryIdsApartFromProdsmarts() {
        String id = Webhooks.newUuid();
        String body = AcmeProvider.body(id, "product.deleted", "[\"A-3\"]", AcmeProvider.TOKEN, Instant.now());

        post(body).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("accepted");
        post(body).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
        // the same id from another provider is another delivery
        webhooks.post("invoice/create", "{\"id\": 78}".getBytes(StandardCharsets.UTF_8), id).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted");

        awaitAcmeRaw(id);
        awaitRaw(id);
    }

    @Test
    void deadLettersADeliveryItsMapperCannotMapToItsOwnGroupsTopic() {
        String id = Webhooks.newUuid();
        String dlt = acmeMapperGroup.deadLetterTopic(AcmeProvider.RAW_TOPIC);

        post(AcmeProvider.body(id, "product.updated", "\"not a list\"", AcmeProvider.TOKEN, Instant.now()))
                .exchange().expectStatus().isOk();

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(topics.withHeader(dlt, RawRecordHeaders.DELIVERY_ID, id)).hasSize(1));
        ConsumerRecord<byte[], byte[]> dead = topics.withHeader(dlt, RawRecordHeaders.DELIVERY_ID, id).get(0);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo(InvalidWebhookException.class.getName());
        assertThat(TopicReader.header(dead, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("acme-mapper");
        assertThat(dlt).isEqualTo("crossdock.acme-webhook-raw.v1.acme-mapper.dlt");
    }

    @Test
    void remembersADeliveryDrainedFromTheSpoolInItsProvidersMemory() throws Exception {
        String id = Webhooks.newUuid();
        String body = AcmeProvider.body(id, "product.deleted", "[]", AcmeProvider.TOKEN, Instant.now());
        SpoolRecord spooled = new SpoolRecord(AcmeProvider.RAW_TOPIC, utf8(id), utf8(body), List.of(
                new SpoolRecord.Header(RawRecordHeaders.DELIVERY_ID, utf8(id)),
                new SpoolRecord.Header(RawRecordHeaders.RECEIVED_AT, utf8(Instant.now().toString()))));

        spoolSender.send(spooled).get();

        post(body).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
    }

    @Test
    void listensOnEachProvidersConsumerGroupAsDeclared() {
        for (ConsumerGroup group : List.of(ingressMapperGroup, acmeMapperGroup)) {
            MessageListenerContainer container = listeners.getListenerContainer(group.id());

            assertThat(container).as(group.id()).isNotNull();
            assertThat(container.getGroupId()).isEqualTo(group.id());
            assertThat(container.getContainerProperties().getTopics()).containsExactlyElementsOf(group.listenTopics());
        }
    }

    @Test
    void createsItsRawTopicKeptAWeekUncompacted() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, AcmeProvider.RAW_TOPIC);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);

            // set when the kit declared it, not a broker default of an auto-created topic
            ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
            assertThat(retention.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(retention.value()).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    void showsTheRebuildOfEveryProvidersMemory() {
        awaitReady();

        assertThat(dedupeMemory.health().getDetails()).containsOnlyKeys("rebuilt", "prodsmart", AcmeProvider.NAME,
                "optimakers");
    }

    @Test
    void answersAPathNoProviderHasWith404() {
        expectProblem(web.post().uri("/webhooks/nobody").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 404, "webhook-unknown-provider", null);
    }

    @Test
    void answersAnotherMethodOnAWebhookPathWith405NamingPost() {
        web.get().uri(AcmeProvider.PATH).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(405).jsonPath("$.instance").isEqualTo(AcmeProvider.PATH);
    }

    private WebTestClient.RequestHeadersSpec<?> post(String body) {
        return web.post().uri(AcmeProvider.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(utf8(body));
    }

    private static void expectProblem(WebTestClient.RequestHeadersSpec<?> request, int status, String type, String field) {
        expectProblem(request.exchange(), status, type, field);
    }

    private static void expectProblem(WebTestClient.ResponseSpec answer, int status, String type, String field) {
        WebTestClient.BodyContentSpec body = answer.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://crossdock.dev/problems/" + type);
        if (field != null) {
            body.jsonPath("$.field").isEqualTo(field);
        }
        assertThat(new String(body.returnResult().getResponseBodyContent(), StandardCharsets.UTF_8))
                .doesNotContain(AcmeProvider.TOKEN);
    }

    private ConsumerRecord<byte[], byte[]> awaitAcmeRaw(String id) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(topics.withHeader(AcmeProvider.RAW_TOPIC, RawRecordHeaders.DELIVERY_ID, id)).hasSize(1));
        return topics.withHeader(AcmeProvider.RAW_TOPIC, RawRecordHeaders.DELIVERY_ID, id).get(0);
    }

    private ConsumerRecord<byte[], byte[]> awaitEvent(String id, int index) {
        String eventId = Envelopes.eventId(AcmeProvider.idSeed(id, index)).toString();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(topics.withHeader(Topics.ARTICLE_UPSERTED, EventPublisher.EVENT_ID, eventId)).hasSize(1));
        return topics.withHeader(Topics.ARTICLE_UPSERTED, EventPublisher.EVENT_ID, eventId).get(0);
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        return Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
