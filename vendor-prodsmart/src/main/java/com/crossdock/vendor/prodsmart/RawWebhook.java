package com.crossdock.vendor.prodsmart;

import java.time.Instant;

/**
 * A verified Prodsmart webhook as the raw topic keeps it: the vendor's headers read and the body bytes exactly as
 * received. Its uuid seeds the event ids of what it states ({@code prodsmart-webhook:<uuid>:<index>}).
 *
 * @param topic the {@code x-prodsmart-topic} header as sent ({@link WebhookTopic#of} normalises it)
 */
public record RawWebhook(String topic, String uuid, Instant triggeredAt, String correlationId, byte[] body) {

    /**
     * The {@code x-prodsmart-triggered-at} header is ISO-8601 like every Prodsmart date; read alike wherever it is,
     * with the company's {@code dates} ({@link ProdsmartProperties#dates()}).
     */
    public static Instant triggeredAt(String header, ProdsmartDates dates) {
        try {
            return dates.parse(header);
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(ProdsmartHeaders.TRIGGERED_AT, "must be an ISO-8601 date");
        }
    }
}
