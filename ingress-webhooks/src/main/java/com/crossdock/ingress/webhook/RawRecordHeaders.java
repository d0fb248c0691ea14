package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.crossdock.platform.kafka.DeadLetterHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers the ingress itself writes on a raw webhook record, next to the request headers a provider keeps
 * (Prodsmart's {@code x-prodsmart-*}).
 */
public final class RawRecordHeaders {

    /** When Crossdock received the webhook (ISO-8601 instant). */
    public static final String RECEIVED_AT = "crossdock.received-at";
    public static final String CORRELATION_ID = DeadLetterHeaders.CORRELATION_ID;
    public static final String CONTENT_TYPE = "content-type";
    /**
     * The delivery id of a provider that sends it in the body, or the id derived for a delivery that came without a
     * usable one ({@link WebhookProvider#derivedId}); one that sends it in a header has that header kept instead.
     * Either way the dedupe memory is rebuilt from the raw topic's headers, without reading a body.
     */
    public static final String DELIVERY_ID = "crossdock.delivery-id";
    /**
     * Why a verified delivery was kept on its provider's quarantine topic rather than mapped: {@code stale},
     * {@code no-delivery-id} or {@code no-sending-time}. A released record keeps it.
     */
    public static final String QUARANTINE_REASON = "crossdock.quarantine.reason";
    /** The event type of a provider that sends it in the body (one that sends a header has that header kept). */
    public static final String EVENT_TYPE = "crossdock.event-type";

    private RawRecordHeaders() {
    }

    /** A header's (last) value as text; null when the record has none. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A record's delivery id: {@link #DELIVERY_ID} when the ingress wrote one (the body's, or a derived id), else the
     * provider's own header ({@code providerHeader}, e.g. Prodsmart's {@code x-prodsmart-webhook-uuid}); null if none.
     */
    public static String deliveryId(Headers headers, String providerHeader) {
        String written = text(headers, DELIVERY_ID);
        return written != null ? written : text(headers, providerHeader);
    }

    /**
     * When the webhook was received ({@link #RECEIVED_AT}); {@code otherwise} for a record without it or with one
     * that does not parse (a record written by hand, or by an older version).
     */
    public static Instant receivedAt(Headers headers, Instant otherwise) {
        String receivedAt = text(headers, RECEIVED_AT);
        try {
            return receivedAt != null ? Instant.parse(receivedAt) : otherwise;
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
