package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpHeaders;

/**
 * A provider's raw records: the body bytes as received (a token in it replaced), the request headers the provider
 * keeps and the content type (lower-case names), never a header that carries the credential (it proves nothing
 * once the delivery is verified and would let anyone holding the topic replay or forge it), plus when it was
 * received and the correlation id, the caller's W3C trace context when it sent a valid one, and the delivery id and
 * event type when the body carried them. Other request
 * headers (proxies, cookies, authorization) are not kept. The mapper stage reads one back with {@link #read}.
 */
final class RawRecords {

    private final WebhookProvider provider;
    private final Set<String> readBack;

    RawRecords(WebhookProvider provider) {
        this.provider = provider;
        this.readBack = provider.readBackHeaders();
    }

    /**
     * @param key the record key: what the provider's body check found (e.g. the id of the entity, so that the
     *        deliveries about one production order stay in order on one partition), else the delivery id
     * @param derivedId whether {@code deliveryId} was derived (the delivery had no usable one): written as
     *        {@link RawRecordHeaders#DELIVERY_ID}
     * @param quarantined why it goes to the provider's quarantine topic; null for its raw topic
     */
    ProducerRecord<byte[], byte[]> of(HttpHeaders request, byte[] body, String key, String deliveryId,
            boolean derivedId, String eventType, WebhookCaller caller, Instant receivedAt, String quarantined) {
        String topic = quarantined == null ? provider.rawTopic() : provider.quarantineTopic();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8(key), body);
        // by name first: the values of a header that is not kept are never looked up; the names as the server holds
        // them (headerNames() would copy them into a case-insensitive map per request: issue 15's profile), where one
        // name sent in two spellings is two names: its values, looked up case-insensitively, are added once
        for (String received : request.asMultiValueMap().keySet()) {
            String name = received.toLowerCase(Locale.ROOT);
            if (kept(name) && record.headers().lastHeader(name) == null) {
                List<String> values = request.get(received);
                if (values != null) {
                    values.forEach(value -> record.headers().add(name, utf8(value)));
                }
            }
        }
        // the caller's trace, as it came (valid or not kept at all): the mapper stage's listener continues it
        for (String name : caller.traceHeaders()) {
            String value = request.getFirst(name);
            if (value != null) {
                record.headers().add(name, utf8(value));
            }
        }
        record.headers().add(RawRecordHeaders.RECEIVED_AT, utf8(receivedAt.toString()));
        record.headers().add(RawRecordHeaders.CORRELATION_ID, utf8(caller.correlationId()));
        if (provider.deliveryId().inBody() || derivedId) {
            record.headers().add(RawRecordHeaders.DELIVERY_ID, utf8(deliveryId));
        }
        if (quarantined != null) {
            record.headers().add(RawRecordHeaders.QUARANTINE_REASON, utf8(quarantined));
        }
        if (provider.eventType().inBody() && eventType != null) {
            record.headers().add(RawRecordHeaders.EVENT_TYPE, utf8(eventType));
        }
        return record;
    }

    /**
     * Reads a raw record back; one without the delivery id the edge always writes cannot be mapped, ever.
     *
     * @throws InvalidWebhookException without a delivery id (permanent: the record goes to the dead letters)
     */
    RawDelivery read(ConsumerRecord<byte[], byte[]> record) {
        String deliveryId = RawRecordHeaders.deliveryId(record.headers(), provider.deliveryIdHeader());
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new InvalidWebhookException(provider.deliveryIdHeader(), "the raw record has no such header");
        }
        String correlationId = RawRecordHeaders.text(record.headers(), RawRecordHeaders.CORRELATION_ID);
        return new RawDelivery(deliveryId, RawRecordHeaders.text(record.headers(), provider.eventTypeHeader()),
                RawRecordHeaders.receivedAt(record.headers(), Instant.ofEpochMilli(record.timestamp())), correlationId == null ? "" : correlationId,
                record.value() == null ? new byte[0] : record.value(), record.headers());
    }

    private boolean kept(String name) {
        if (name.equals(RawRecordHeaders.CONTENT_TYPE)) {
            return true;
        }
        if (WebhookCaller.TRACE_CONTEXT.contains(name)) {
            return false; // kept above, only when valid
        }
        return (readBack.contains(name) || provider.keptHeaders().test(name))
                && !provider.authentication().carries(name);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
