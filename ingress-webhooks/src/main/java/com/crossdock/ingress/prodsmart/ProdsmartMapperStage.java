package com.crossdock.ingress.prodsmart;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.ingress.store.IngressMetrics;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Flux;

/**
 * The second stage: raw webhooks to canonical events, in its own consumer group on the raw topic and its retry
 * topic. Apart from the edge on purpose: what was received is already durable, so a mapping bug sends the raw
 * record to {@code crossdock.prodsmart-webhook-raw.v1.ingress-mapper.dlt} (an {@link InvalidWebhookException}
 * is permanent) and a replay into the retry topic fixes it once the bug is; nothing is dropped. It never
 * catches: the platform's error handler retries what is transient (a publish that failed) and dead-letters
 * the rest.
 */
public final class ProdsmartMapperStage {

    public static final String GROUP = "ingress-mapper";
    public static final String RETRY_TOPIC = Topics.PRODSMART_WEBHOOK_RAW + "." + GROUP + ".retry";

    private static final Logger log = LoggerFactory.getLogger(ProdsmartMapperStage.class);

    private final ProdsmartPayloads payloads;
    private final ProdsmartEventMapper mapper;
    private final EventPublisher publisher;
    private final IngressMetrics metrics;
    private final ZoneId companyZone;
    private final Duration publishTimeout;

    public ProdsmartMapperStage(ProdsmartPayloads payloads, ProdsmartEventMapper mapper, EventPublisher publisher,
            IngressMetrics metrics, ZoneId companyZone, Duration publishTimeout) {
        this.payloads = payloads;
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = metrics;
        this.companyZone = companyZone;
        this.publishTimeout = publishTimeout;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = {Topics.PRODSMART_WEBHOOK_RAW, RETRY_TOPIC})
    public void onRawWebhook(ConsumerRecord<byte[], byte[]> record) {
        RawWebhook webhook = RawWebhook.from(record, companyZone);
        WebhookTopic topic = WebhookTopic.of(webhook.topic());
        List<CanonicalEvent> events = mapper.map(webhook, topic, payloads.parse(topic, webhook.body()));
        if (!topic.mapped()) {
            metrics.unmapped(topic.name());
            log.atInfo().addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("webhookTopic", topic.name())
                    .addKeyValue("sentTopic", webhook.topic())
                    .log("Prodsmart webhook kept raw: no canonical event states it yet");
            return;
        }
        // in order, one after the other: the events of one webhook keep their order per key
        Flux.fromIterable(events)
                .concatMap(event -> publisher.publish(event.topic(), event.key(), event.event()))
                .then()
                .block(publishTimeout);
        metrics.mapped(topic.name(), events.size());
        log.atInfo().addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("webhookTopic", topic.name())
                .log("Prodsmart webhook mapped to {} canonical events", events.size());
    }
}
