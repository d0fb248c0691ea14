package com.crossdock.ingress.webhook;

import com.crossdock.platform.kafka.DeadLetterHeaders;

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
     * The delivery id of a provider that sends it in the body; one that sends it in a header has that header kept
     * instead. Either way the dedupe memory is rebuilt from the raw topic's headers, without reading a body.
     */
    public static final String DELIVERY_ID = "crossdock.delivery-id";
    /** The event type of a provider that sends it in the body (one that sends a header has that header kept). */
    public static final String EVENT_TYPE = "crossdock.event-type";

    private RawRecordHeaders() {
    }
}
