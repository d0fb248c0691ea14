package com.crossdock.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.testing.TopicReader;
import com.crossdock.vendor.prodsmart.InvalidPayloadException;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A raw record the mapper cannot map goes to the mapper's dead-letter topic as it was; the mapper goes on. A record
 * replayed to the mapper's retry topic is mapped like one from the raw topic.
 */
class MapperDeadLetterTest extends IngressIntegrationTest {

    @Autowired
    RawRecordSender sender;
    @Autowired
    ConsumerGroup ingressMapperGroup;

    @Test
    void deadLettersAPoisonRawRecordWithItsBytesAndReasonAndMapsTheNextOne() throws Exception {
        String dlt = ingressMapperGroup.deadLetterTopic(Topics.PRODSMART_WEBHOOK_RAW);
        String key = "poison-" + Webhooks.newUuid();
        String poison = Webhooks.newUuid();
        String next = Webhooks.newUuid();
        byte[] poisonBody = "{\"id\": 7, \"products\": \"not a list\"}".getBytes(StandardCharsets.UTF_8);

        sender.send(raw(key, poison, poisonBody)).get();
        sender.send(raw(key, next, Example.PRODUCTION_ORDER_CREATE.body())).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topics.withHeader(dlt, ProdsmartHeaders.WEBHOOK_UUID, poison)).hasSize(1));
        ConsumerRecord<byte[], byte[]> dead = topics.withHeader(dlt, ProdsmartHeaders.WEBHOOK_UUID, poison).get(0);
        assertThat(dead.value()).isEqualTo(poisonBody);
        assertThat(dead.key()).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo(InvalidPayloadException.class.getName());
        assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_MESSAGE)).contains("products");
        assertThat(TopicReader.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.PRODSMART_WEBHOOK_RAW);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");

        String nextEventId = Envelopes.eventId("prodsmart-webhook:" + next + ":0").toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                topics.withHeader(Topics.PRODUCTION_ORDER_CHANGED, EventPublisher.EVENT_ID, nextEventId)).hasSize(1));
    }

    /** What an operator's replay does: the record goes to the group's retry topic, which the mapper reads too. */
    @Test
    void mapsARawRecordReplayedToItsRetryTopic() throws Exception {
        String uuid = Webhooks.newUuid();
        ProducerRecord<byte[], byte[]> record = raw(ingressMapperGroup.retryTopic(Topics.PRODSMART_WEBHOOK_RAW),
                "replayed-" + uuid, uuid, Example.PRODUCTION_ORDER_CREATE.body());

        sender.send(record).get();

        String eventId = Envelopes.eventId("prodsmart-webhook:" + uuid + ":0").toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                topics.withHeader(Topics.PRODUCTION_ORDER_CHANGED, EventPublisher.EVENT_ID, eventId)).hasSize(1));
    }

    private static ProducerRecord<byte[], byte[]> raw(String key, String uuid, byte[] body) {
        return raw(Topics.PRODSMART_WEBHOOK_RAW, key, uuid, body);
    }

    private static ProducerRecord<byte[], byte[]> raw(String topic, String key, String uuid, byte[] body) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), body);
        for (var header : List.of(
                new String[] {ProdsmartHeaders.TOPIC, "productionOrder/create"},
                new String[] {ProdsmartHeaders.WEBHOOK_UUID, uuid},
                new String[] {ProdsmartHeaders.TRIGGERED_AT, Instant.now().toString()},
                new String[] {RawRecordHeaders.CORRELATION_ID, "corr-" + uuid})) {
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
