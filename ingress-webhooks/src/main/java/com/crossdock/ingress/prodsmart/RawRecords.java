package com.crossdock.ingress.prodsmart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.prodsmart.InvalidPayloadException;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import com.crossdock.vendor.prodsmart.RawWebhook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.http.HttpHeaders;

/**
 * The raw record of a verified webhook: the body bytes exactly as received, the vendor's {@code x-prodsmart-*}
 * headers and the content type (lower-case names), without any signature header (it proves nothing once the
 * body is verified and would let anyone holding the topic replay it), plus when it was received and the
 * correlation id. Other request headers (proxies, cookies, authorization) are not kept. The mapper stage reads
 * it back with {@link #webhook}.
 */
final class RawRecords {

    private RawRecords() {
    }

    /**
     * @param key the entity id where the body has one, so that the webhooks about one production order stay in
     *        order on one partition; the webhook uuid otherwise
     */
    static ProducerRecord<byte[], byte[]> of(HttpHeaders request, byte[] body, String key, String correlationId,
            Instant receivedAt, Set<String> signatureHeaders) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.PRODSMART_WEBHOOK_RAW,
                utf8(key), body);
        for (Map.Entry<String, List<String>> header : request.headerSet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (kept(name, signatureHeaders)) {
                header.getValue().forEach(value -> record.headers().add(name, utf8(value)));
            }
        }
        record.headers().add(RawRecordHeaders.RECEIVED_AT, utf8(receivedAt.toString()));
        record.headers().add(RawRecordHeaders.CORRELATION_ID, utf8(correlationId));
        return record;
    }

    /** Reads a raw record; a record without the headers the edge always writes cannot be mapped, ever. */
    static RawWebhook webhook(ConsumerRecord<byte[], byte[]> record, ZoneId companyZone) {
        Instant at = RawWebhook.triggeredAt(required(record, ProdsmartHeaders.TRIGGERED_AT), companyZone);
        String correlationId = header(record, RawRecordHeaders.CORRELATION_ID);
        return new RawWebhook(header(record, ProdsmartHeaders.TOPIC), required(record, ProdsmartHeaders.WEBHOOK_UUID),
                at, correlationId == null ? "" : correlationId, record.value() == null ? new byte[0] : record.value());
    }

    private static String required(ConsumerRecord<byte[], byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(name, "the raw record has no such header");
        }
        return value;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean kept(String name, Set<String> signatureHeaders) {
        if (name.equals(RawRecordHeaders.CONTENT_TYPE)) {
            return true;
        }
        return name.startsWith(ProdsmartHeaders.VENDOR_PREFIX) && !name.contains("hmac")
                && !signatureHeaders.contains(name);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
