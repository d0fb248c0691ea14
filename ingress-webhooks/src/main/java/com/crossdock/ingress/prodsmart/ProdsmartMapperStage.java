package com.crossdock.ingress.prodsmart;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.crossdock.ingress.store.IngressMetrics;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.prodsmart.CanonicalEvent;
import com.crossdock.vendor.prodsmart.InvalidPayloadException;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartPayloads;
import com.crossdock.vendor.prodsmart.RawWebhook;
import com.crossdock.vendor.prodsmart.WebhookTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The second stage: raw webhooks to canonical events, in its own consumer group on the raw topic and its retry
 * topic. Apart from the edge on purpose: what was received is already durable, so a mapping bug sends the raw
 * record to {@code crossdock.prodsmart-webhook-raw.v1.ingress-mapper.dlt} (an {@link InvalidPayloadException}
 * is permanent) and a replay into the retry topic fixes it once the bug is; nothing is dropped. It never
 * catches: the platform's error handler retries what is transient (a publish that failed) and dead-letters
 * the rest.
 */
public final class ProdsmartMapperStage {

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

    /**
     * A poll's records are mapped in order and their events sent without waiting in between (the producer keeps
     * the order per partition), then the stage waits once for every acknowledgement: one broker round trip per
     * poll, not per record. A record that fails is named to the platform's error handler by its index, so the
     * records before it are committed and only it is retried or dead-lettered.
     */
    @KafkaListener(id = "#{@ingressMapperGroup.id()}", groupId = "#{@ingressMapperGroup.id()}",
            topics = "#{@ingressMapperGroup.listenTopics()}", batch = "true")
    public void onRawWebhooks(List<ConsumerRecord<byte[], byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<Integer> sentBy = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                for (CompletableFuture<?> send : map(records.get(i))) {
                    sends.add(send);
                    sentBy.add(i);
                }
            } catch (RuntimeException e) {
                awaitAll(records, sends, sentBy);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        awaitAll(records, sends, sentBy);
    }

    private List<CompletableFuture<?>> map(ConsumerRecord<byte[], byte[]> record) {
        RawWebhook webhook = RawRecords.webhook(record, companyZone);
        WebhookTopic topic = WebhookTopic.of(webhook.topic());
        List<CanonicalEvent> events = mapper.map(webhook, topic, payloads.parse(topic, webhook.body()));
        if (!topic.mapped()) {
            metrics.unmapped(topic.name());
            log.atInfo().addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("webhookTopic", topic.name())
                    .addKeyValue("sentTopic", webhook.topic())
                    .log("Prodsmart webhook kept raw: no canonical event states it yet");
            return List.of();
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (CanonicalEvent event : events) {
            sends.add(publisher.publish(event.topic(), event.key(), event.event()).toFuture());
        }
        metrics.mapped(topic.name(), events.size());
        log.atDebug().addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("webhookTopic", topic.name())
                .log("Prodsmart webhook mapped to {} canonical events", events.size());
        return sends;
    }

    /** Waits for every send; the first that failed names its record, which is retried from there. */
    private void awaitAll(List<ConsumerRecord<byte[], byte[]>> records, List<CompletableFuture<?>> sends,
            List<Integer> sentBy) {
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        for (int s = 0; s < sends.size(); s++) {
            try {
                sends.get(s).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BatchListenerFailedException("interrupted while publishing", e, sentBy.get(s));
            } catch (ExecutionException | TimeoutException e) {
                throw new BatchListenerFailedException("publishing the canonical events of "
                        + records.get(sentBy.get(s)).topic() + "@" + records.get(sentBy.get(s)).offset() + " failed",
                        e instanceof ExecutionException ? e.getCause() : e, sentBy.get(s));
            }
        }
    }
}
