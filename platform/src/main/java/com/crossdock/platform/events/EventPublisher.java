package com.crossdock.platform.events;

import java.nio.charset.StandardCharsets;

import com.crossdock.events.Envelope;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;

/**
 * Publishes canonical events through Spring Boot's template (the value serializer is configuration:
 * Crossdock's Avro serializer by default). Adds the event id, type and correlation id as headers, so tools can
 * filter without decoding. spring-kafka has no reactive template: the send future is bridged to a Mono.
 */
public final class EventPublisher {

    public static final String EVENT_ID = "crossdock.event-id";
    public static final String EVENT_TYPE = "crossdock.event-type";

    private final KafkaTemplate<Object, Object> template;

    public EventPublisher(KafkaTemplate<Object, Object> template) {
        this.template = template;
    }

    public Mono<SendResult<Object, Object>> publish(CanonicalEvent event) {
        return publish(event.topic(), event.key(), event.event());
    }

    public Mono<SendResult<Object, Object>> publish(String topic, String key, SpecificRecord event) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, key, event);
        addEventHeaders(record.headers(), event);
        return Mono.fromFuture(() -> template.send(record));
    }

    /** The headers every canonical event carries on Kafka, for anything that writes events itself (e.g. via a spool). */
    public static void addEventHeaders(Headers headers, SpecificRecord event) {
        headers.add(EVENT_TYPE, utf8(event.getSchema().getName()));
        Envelope envelope = envelopeOf(event);
        if (envelope != null) {
            headers.add(EVENT_ID, utf8(envelope.getEventId().toString()));
            headers.add(DeadLetterHeaders.CORRELATION_ID, utf8(envelope.getCorrelationId()));
        }
    }

    static Envelope envelopeOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("envelope");
        return field == null ? null : (Envelope) event.get(field.pos());
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
