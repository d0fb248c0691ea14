package com.crossdock.ingress.webhook;

import java.time.Instant;

import org.apache.kafka.common.header.Headers;

/**
 * A delivery as its raw record keeps it, read back by the mapper stage.
 *
 * @param deliveryId    the provider's delivery id (the seed of its events' ids)
 * @param eventType     the event type as sent; null when the delivery named none
 * @param receivedAt    when the ingress received it
 * @param correlationId the request's correlation id; empty when the record has none (one replayed by hand)
 * @param body          the body as received (a token in it replaced)
 * @param headers       the record's headers: the request headers the provider keeps, lower-case
 */
public record RawDelivery(String deliveryId, String eventType, Instant receivedAt, String correlationId, byte[] body,
        Headers headers) {

    /** A kept request header's (last) value; null when the record has none. */
    public String header(String name) {
        return RawRecordHeaders.text(headers, name);
    }
}
