package com.crossdock.ingress.prodsmart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.crossdock.ingress.store.DedupeMemory;
import com.crossdock.ingress.store.IngressMetrics;
import com.crossdock.ingress.store.RawWebhookStore;
import com.crossdock.platform.web.Problems;
import com.crossdock.vendor.prodsmart.InvalidPayloadException;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import com.crossdock.vendor.prodsmart.ProdsmartPayload;
import com.crossdock.vendor.prodsmart.ProdsmartPayloads;
import com.crossdock.vendor.prodsmart.RawWebhook;
import com.crossdock.vendor.prodsmart.WebhookTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * The edge's checks, in order: content type (415), size while reading (413), signature over the raw bytes
 * (401), the vendor's headers (400), freshness (401), the body against its topic with the mapper's own
 * parser (400); then dedupe by webhook uuid (a repeat is answered 200 and not stored again), and the raw
 * webhook is made durable before the answer. Rejections are counted by reason and logged without the
 * signature or the secret.
 */
public final class ProdsmartWebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(ProdsmartWebhookIntake.class);
    private static final Pattern SANE_UUID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The answer: {@code accepted} (stored now) or {@code duplicate} (stored before). */
    public record Answer(String status, String uuid) {
    }

    /** What the edge needs to know; see {@code IngressProperties}. */
    public record Settings(int maxBodyBytes, Duration maxClockSkew, ZoneId companyZone, Set<String> signatureHeaders) {
    }

    private final SignatureVerifier verifier;
    private final ProdsmartPayloads payloads;
    private final DedupeMemory dedupe;
    private final RawWebhookStore store;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final Settings settings;

    public ProdsmartWebhookIntake(SignatureVerifier verifier, ProdsmartPayloads payloads, DedupeMemory dedupe,
            RawWebhookStore store, IngressMetrics metrics, Clock clock, Settings settings) {
        this.verifier = verifier;
        this.payloads = payloads;
        this.dedupe = dedupe;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
    }

    public Mono<Answer> receive(ServerHttpRequest request, String correlationId) {
        metrics.received();
        HttpHeaders headers = request.getHeaders();
        if (!WebhookBody.isJson(headers)) {
            return Mono.error(reject(Rejection.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json", "Content-Type",
                    correlationId));
        }
        if (headers.getContentLength() > settings.maxBodyBytes()) {
            return Mono.error(tooLarge(correlationId));
        }
        return WebhookBody.read(request.getBody(), settings.maxBodyBytes())
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(correlationId))
                .flatMap(body -> accept(headers, body, correlationId));
    }

    private Mono<Answer> accept(HttpHeaders headers, byte[] body, String correlationId) {
        Verified webhook;
        try {
            webhook = verify(headers, body, correlationId);
        } catch (ErrorResponseException rejected) {
            return Mono.error(rejected);
        }
        if (!dedupe.claim(webhook.uuid())) {
            metrics.duplicate();
            log.atInfo().addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("correlationId", correlationId)
                    .log("Duplicate Prodsmart webhook answered without storing it again");
            return Mono.just(new Answer("duplicate", webhook.uuid()));
        }
        ProducerRecord<byte[], byte[]> record = RawRecords.of(headers, body,
                webhook.payload().entityId().orElse(webhook.uuid()), correlationId, webhook.receivedAt(),
                settings.signatureHeaders());
        return store.store(record)
                .map(destination -> {
                    metrics.accepted(destination.name().toLowerCase(Locale.ROOT),
                            Duration.between(webhook.receivedAt(), clock.instant()));
                    // the raw topic is the record of every webhook received; a log line per webhook would cost
                    // more CPU than the rest of the intake at load, so only the exceptional path logs at INFO
                    log.atLevel(destination.name().equals("KAFKA") ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.INFO)
                            .addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("correlationId", correlationId)
                            .addKeyValue("webhookTopic", webhook.topic()).addKeyValue("storedIn", destination)
                            .log("Prodsmart webhook accepted");
                    return new Answer("accepted", webhook.uuid());
                })
                .onErrorMap(failure -> {
                    // neither Kafka nor the disk took it: give the uuid back and tell the provider we failed
                    dedupe.release(webhook.uuid());
                    log.atError().addKeyValue("webhookUuid", webhook.uuid()).addKeyValue("correlationId", correlationId)
                            .log("Prodsmart webhook could not be stored: {}", failure.toString());
                    return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "webhook-not-stored",
                            "the webhook could not be stored; nothing was kept", null);
                });
    }

    private record Verified(String uuid, String topic, ProdsmartPayload payload, Instant receivedAt) {
    }

    /** Signature, vendor headers, freshness and body, in that order; throws the rejection's problem. */
    private Verified verify(HttpHeaders headers, byte[] body, String correlationId) {
        if (!verifier.verify(headers, body)) {
            throw verifier.present(headers)
                    ? reject(Rejection.SIGNATURE_INVALID, "the signature does not match the body", "signature", correlationId)
                    : reject(Rejection.SIGNATURE_MISSING, "no signature header", "signature", correlationId);
        }
        String uuid = headers.getFirst(ProdsmartHeaders.WEBHOOK_UUID);
        if (uuid == null || !SANE_UUID.matcher(uuid).matches()) {
            throw reject(Rejection.MISSING_HEADER, "a webhook uuid (1-128 of A-Z a-z 0-9 . _ : -) is required",
                    ProdsmartHeaders.WEBHOOK_UUID, correlationId);
        }
        String triggeredAt = headers.getFirst(ProdsmartHeaders.TRIGGERED_AT);
        if (triggeredAt == null) {
            throw reject(Rejection.MISSING_HEADER, "is required", ProdsmartHeaders.TRIGGERED_AT, correlationId);
        }
        Instant receivedAt = clock.instant();
        String topic = headers.getFirst(ProdsmartHeaders.TOPIC);
        try {
            Duration skew = Duration.between(RawWebhook.triggeredAt(triggeredAt, settings.companyZone()), receivedAt).abs();
            if (skew.compareTo(settings.maxClockSkew()) > 0) {
                throw reject(Rejection.STALE, "the webhook was triggered more than " + settings.maxClockSkew() + " from now",
                        ProdsmartHeaders.TRIGGERED_AT, correlationId);
            }
            return new Verified(uuid, topic, payloads.parse(WebhookTopic.of(topic), body), receivedAt);
        } catch (InvalidPayloadException e) {
            Rejection rejection = e.malformed() ? Rejection.MALFORMED_JSON
                    : e.field().equals(ProdsmartHeaders.TRIGGERED_AT) ? Rejection.MISSING_HEADER : Rejection.INVALID_BODY;
            throw reject(rejection, e.reason(), e.field(), correlationId);
        }
    }

    private ErrorResponseException tooLarge(String correlationId) {
        return reject(Rejection.TOO_LARGE, "the body is larger than " + settings.maxBodyBytes() + " bytes", "body",
                correlationId);
    }

    private ErrorResponseException reject(Rejection rejection, String detail, String field, String correlationId) {
        metrics.rejected(rejection.reason());
        log.atWarn().addKeyValue("correlationId", correlationId).addKeyValue("rejection", rejection.reason())
                .addKeyValue("field", field).log("Prodsmart webhook refused: {}", detail);
        return rejection.problem(detail, field);
    }
}
