package com.crossdock.platform.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.util.unit.DataSize;

/**
 * Sends records whose key and value are already bytes: raw webhooks, dead letters, spool drains, replays.
 * acks=all and idempotence are forced: a record is only reported sent once every in-sync replica has it; its
 * {@code max.request.size} is {@code crossdock.kafka.max-record-size}, the topics' {@code max.message.bytes}.
 * Deliberately not a {@code KafkaTemplate} bean, so Spring Boot's own (Avro-serializing) template stays.
 */
public final class RawRecordSender implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> factory;
    private final KafkaTemplate<byte[], byte[]> template;
    /** The same producer, never observed: the record's own headers (its traceparent) go as they are. */
    private final KafkaTemplate<byte[], byte[]> asIs;

    public RawRecordSender(Map<String, Object> producerProperties, DataSize maxRecordSize) {
        this(producerProperties, maxRecordSize, ObservationRegistry.NOOP);
    }

    /**
     * With {@code observations} the sends are observed like Boot's template's: each record carries the current trace
     * context in a W3C {@code traceparent} header (docs/tracing.md), so a raw webhook continues the ingress's trace.
     */
    public RawRecordSender(Map<String, Object> producerProperties, DataSize maxRecordSize,
            ObservationRegistry observations) {
        Map<String, Object> props = new java.util.HashMap<>(producerProperties);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.toIntExact(maxRecordSize.toBytes()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.factory = new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(factory);
        this.asIs = new KafkaTemplate<>(factory);
        if (!observations.isNoop()) {
            template.setObservationEnabled(true);
            template.setObservationRegistry(observations);
        }
    }

    public CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
        return template.send(record);
    }

    /**
     * Sends the record without observing the send: no span, and its headers as they are. A raw webhook takes this way
     * (issue 15): it carries the trace its provider sent ({@code traceparent} kept from the request) or none, and an
     * observed send would put a new trace of its own over it.
     */
    public CompletableFuture<SendResult<byte[], byte[]>> sendAsIs(ProducerRecord<byte[], byte[]> record) {
        return asIs.send(record);
    }

    /**
     * Creates the producer and fetches {@code topic}'s metadata now (the idempotent producer gets its id at
     * the same time), so that the first send does not pay for them. Blocks at most {@code max.block.ms}.
     */
    public void warmUp(String topic) {
        template.partitionsFor(topic);
    }

    /** For Spring Kafka's dead-letter recoverer, which publishes through a template. */
    public KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
