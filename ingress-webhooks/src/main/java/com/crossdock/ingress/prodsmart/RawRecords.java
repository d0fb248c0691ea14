package com.crossdock.ingress.prodsmart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpHeaders;

/**
 * The raw record of a verified webhook: the body bytes exactly as received, the vendor's {@code x-prodsmart-*}
 * headers and the content type (lower-case names), without any signature header (it proves nothing once the
 * body is verified and would let anyone holding the topic replay it), plus when it was received and the
 * correlation id. Other request headers (proxies, cookies, authorization) are not kept.
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
        record.headers().add(ProdsmartHeaders.RECEIVED_AT, utf8(receivedAt.toString()));
        record.headers().add(ProdsmartHeaders.CORRELATION_ID, utf8(correlationId));
        return record;
    }

    private static boolean kept(String name, Set<String> signatureHeaders) {
        if (name.equals(ProdsmartHeaders.CONTENT_TYPE)) {
            return true;
        }
        return name.startsWith(ProdsmartHeaders.VENDOR_PREFIX) && !name.contains("hmac")
                && !signatureHeaders.contains(name);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
