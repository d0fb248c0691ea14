package com.crossdock.ingress.prodsmart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A verified webhook as the raw topic keeps it: the body bytes exactly as received and the vendor's headers.
 *
 * @param topic the {@code x-prodsmart-topic} header as sent (the mapper normalises it)
 */
public record RawWebhook(String topic, String uuid, Instant triggeredAt, String correlationId, byte[] body) {

    /** Reads a raw record; a record without the headers the edge always writes cannot be mapped, ever. */
    public static RawWebhook from(ConsumerRecord<byte[], byte[]> record, ZoneId companyZone) {
        Instant at = triggeredAt(required(record, ProdsmartHeaders.TRIGGERED_AT), companyZone);
        String correlationId = header(record, ProdsmartHeaders.CORRELATION_ID);
        return new RawWebhook(header(record, ProdsmartHeaders.TOPIC), required(record, ProdsmartHeaders.WEBHOOK_UUID),
                at, correlationId == null ? "" : correlationId, record.value() == null ? new byte[0] : record.value());
    }

    /** The header is ISO-8601 like every Prodsmart date; read at the edge and in the mapper alike. */
    public static Instant triggeredAt(String header, ZoneId companyZone) {
        try {
            return ProdsmartDates.parse(header, companyZone);
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException(ProdsmartHeaders.TRIGGERED_AT, "must be an ISO-8601 date");
        }
    }

    private static String required(ConsumerRecord<byte[], byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new InvalidWebhookException(name, "the raw record has no such header");
        }
        return value;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
