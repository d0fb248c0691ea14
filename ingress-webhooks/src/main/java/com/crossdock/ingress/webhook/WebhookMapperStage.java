package com.crossdock.ingress.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.RecordObservation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A provider's second stage: raw deliveries to canonical events, in its own consumer group on the raw topic and
 * its retry topic (the kit registers its listener from the provider's {@code ConsumerGroup} bean). Apart from the
 * edge on purpose: what was received is already durable, so a mapping bug sends the raw record to the group's
 * dead-letter topic ({@code <raw topic>.<group>.dlt}; an exception that says it is permanent goes there at once)
 * and a replay into its retry topic fixes it once the bug is; nothing is dropped. It never catches: the
 * platform's error handler retries what is transient (a publish that failed) and dead-letters the rest.
 */
final class WebhookMapperStage {

    private static final Logger log = LoggerFactory.getLogger(WebhookMapperStage.class);

    private final String provider;
    private final RawRecords records;
    private final WebhookMapper mapper;
    private final EventPublisher publisher;
    private final IngressMetrics metrics;
    private final Duration publishTimeout;
    private final RecordObservation observation;
    private final String group;

    WebhookMapperStage(WebhookProvider provider, EventPublisher publisher, IngressMetrics metrics,
            Duration publishTimeout, RecordObservation observation) {
        this.observation = observation;
        this.group = provider.mapperGroup().id();
        this.provider = provider.name();
        this.records = new RawRecords(provider);
        this.mapper = provider.mapper();
        this.publisher = publisher;
        this.metrics = metrics;
        this.publishTimeout = publishTimeout;
    }

    /**
     * A poll's records are mapped in order and their events sent without waiting in between (the producer keeps
     * the order per partition), then the stage waits once for every acknowledgement: one broker round trip per
     * poll, not per record. A record that fails is named to the platform's error handler by its index, so the
     * records before it are committed and only it is retried or dead-lettered.
     */
    void onRawWebhooks(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<Integer> sentBy = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                ConsumerRecord<byte[], byte[]> record = batch.get(i);
                // a batch listener's records are not observed one by one by spring-kafka: each is mapped in its
                // own trace and correlation id here, which its events then carry
                for (CompletableFuture<?> send : observation.observe(record, group, () -> map(record))) {
                    sends.add(send);
                    sentBy.add(i);
                }
            } catch (RuntimeException e) {
                awaitAll(batch, sends, sentBy);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        awaitAll(batch, sends, sentBy);
    }

    private List<CompletableFuture<?>> map(ConsumerRecord<byte[], byte[]> record) {
        RawDelivery delivery = records.read(record);
        WebhookMapper.Mapping mapping = mapper.map(delivery);
        if (mapping.keptRaw()) {
            metrics.unmapped(mapping.eventType());
            log.atInfo().addKeyValue("provider", provider).addKeyValue("deliveryId", delivery.deliveryId())
                    .addKeyValue("eventType", mapping.eventType()).addKeyValue("sentEventType", delivery.eventType())
                    .log("Webhook kept raw: no canonical event states it yet");
            return List.of();
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(mapping.events().size());
        for (CanonicalEvent event : mapping.events()) {
            sends.add(publisher.publish(event).toFuture());
        }
        metrics.mapped(mapping.eventType(), mapping.events().size());
        log.atDebug().addKeyValue("provider", provider).addKeyValue("deliveryId", delivery.deliveryId())
                .addKeyValue("eventType", mapping.eventType())
                .log("Webhook mapped to {} canonical events", mapping.events().size());
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
