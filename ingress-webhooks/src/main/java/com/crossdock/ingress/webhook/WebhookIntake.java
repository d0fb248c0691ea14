package com.crossdock.ingress.webhook;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import com.crossdock.ingress.webhook.store.DedupeMemory;
import com.crossdock.ingress.webhook.store.RawWebhookStore;
import com.crossdock.ingress.webhook.store.RawWebhookStore.Destination;
import com.crossdock.platform.web.Problems;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * One provider's edge. The checks, in order: content type (415), size while reading (413), authentication over
 * the raw bytes (401), the delivery id (400), freshness (401 when stale), the body (400, the provider's check);
 * then dedupe by delivery id (a repeat is answered 200 and not stored again), and the raw delivery is made durable
 * before the answer. An unauthenticated request learns nothing about its body. Rejections are counted by reason
 * and logged without the credential.
 */
final class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * The answer: {@code accepted} (stored now) or {@code duplicate} (stored before).
     *
     * @param uuid the delivery id (Prodsmart's webhook uuid gave the field its name)
     */
    record Answer(String status, String uuid) {
    }

    private final WebhookProvider provider;
    private final RawRecords records;
    private final Set<String> bodyFields;
    private final String credentialField;
    private final DedupeMemory dedupe;
    private final RawWebhookStore store;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final int maxBodyBytes;

    WebhookIntake(WebhookProvider provider, DedupeMemory dedupe, RawWebhookStore store, IngressMetrics metrics,
            Clock clock, int maxBodyBytes) {
        this.provider = provider;
        this.records = new RawRecords(provider);
        this.bodyFields = provider.bodyFields();
        this.credentialField = provider.authentication().bodyField().orElse(null);
        this.dedupe = dedupe;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    Mono<Answer> receive(ServerHttpRequest request, String correlationId) {
        metrics.received();
        HttpHeaders headers = request.getHeaders();
        if (!WebhookBody.isJson(headers)) {
            return Mono.error(reject(Rejection.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json", "Content-Type",
                    correlationId));
        }
        if (headers.getContentLength() > maxBodyBytes) {
            return Mono.error(tooLarge(correlationId));
        }
        return WebhookBody.read(request.getBody(), maxBodyBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(correlationId))
                .flatMap(body -> accept(headers, body, correlationId));
    }

    private Mono<Answer> accept(HttpHeaders headers, byte[] body, String correlationId) {
        Verified delivery;
        try {
            delivery = verify(headers, body, correlationId);
        } catch (ErrorResponseException rejected) {
            return Mono.error(rejected);
        }
        if (!dedupe.claim(delivery.id())) {
            metrics.duplicate();
            log.atInfo().addKeyValue("provider", provider.name()).addKeyValue("deliveryId", delivery.id())
                    .addKeyValue("correlationId", correlationId).log("Duplicate webhook answered without storing it again");
            return Mono.just(new Answer("duplicate", delivery.id()));
        }
        ProducerRecord<byte[], byte[]> record = records.of(headers, delivery.stored(), delivery.key(), delivery.id(),
                delivery.eventType(), correlationId, delivery.receivedAt());
        return store.store(record)
                .map(destination -> {
                    metrics.accepted(destination, Duration.between(delivery.receivedAt(), clock.instant()));
                    // the raw topic is the record of every webhook received; a log line per webhook would cost
                    // more CPU than the rest of the intake at load, so only the exceptional path logs at INFO
                    log.atLevel(destination == Destination.KAFKA ? Level.DEBUG : Level.INFO)
                            .addKeyValue("provider", provider.name()).addKeyValue("deliveryId", delivery.id())
                            .addKeyValue("correlationId", correlationId).addKeyValue("eventType", delivery.eventType())
                            .addKeyValue("storedIn", destination).log("Webhook accepted");
                    return new Answer("accepted", delivery.id());
                })
                .onErrorMap(failure -> {
                    // neither Kafka nor the disk took it: give the id back and tell the provider we failed
                    dedupe.release(delivery.id());
                    log.atError().addKeyValue("provider", provider.name()).addKeyValue("deliveryId", delivery.id())
                            .addKeyValue("correlationId", correlationId)
                            .log("Webhook could not be stored: {}", failure.toString());
                    return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "webhook-not-stored",
                            "the webhook could not be stored; nothing was kept", null);
                });
    }

    /**
     * @param stored the body to store (a token in it replaced)
     * @param key    the raw record's key
     */
    private record Verified(String id, String eventType, byte[] stored, String key, Instant receivedAt) {
    }

    /** Authentication, delivery id, freshness and body, in that order; throws the rejection's problem. */
    private Verified verify(HttpHeaders headers, byte[] body, String correlationId) {
        BodyFields fields = BodyFields.read(body, bodyFields, credentialField);
        WebhookAuthentication authentication = provider.authentication();
        authentication.require(authentication.verify(headers, body, fields),
                (rejection, detail, field) -> reject(rejection, detail, field, correlationId));
        try {
            fields.requireReadable();
            String id = provider.deliveryId().read(headers, fields);
            if (id == null || !SANE_ID.matcher(id).matches()) {
                throw reject(provider.deliveryId().missing(), "a delivery id (1-128 of A-Z a-z 0-9 . _ : -) is required",
                        provider.deliveryId().name(), correlationId);
            }
            Instant receivedAt = clock.instant();
            if (provider.freshness().isPresent()) {
                requireFresh(provider.freshness().get(), headers, fields, receivedAt, correlationId);
            }
            String eventType = provider.eventType().read(headers, fields);
            String key = provider.bodyCheck().check(eventType, body).orElse(id);
            return new Verified(id, eventType, fields.withoutCredential(body), key, receivedAt);
        } catch (InvalidWebhookException e) {
            throw reject(e.malformed() ? Rejection.MALFORMED_JSON : Rejection.INVALID_BODY, e.reason(), e.field(),
                    correlationId);
        }
    }

    private void requireFresh(Freshness freshness, HttpHeaders headers, BodyFields fields, Instant now,
            String correlationId) {
        RequestField field = freshness.field();
        String value = field.read(headers, fields);
        if (value == null) {
            throw reject(field.missing(), "is required", field.name(), correlationId);
        }
        Instant sent;
        try {
            sent = freshness.reader().apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw reject(field.missing(), "could not be read as a date", field.name(), correlationId);
        }
        if (Duration.between(sent, now).abs().compareTo(freshness.maxClockSkew()) > 0) {
            throw reject(Rejection.STALE, "the webhook was sent more than " + freshness.maxClockSkew() + " from now",
                    field.name(), correlationId);
        }
    }

    private ErrorResponseException tooLarge(String correlationId) {
        return reject(Rejection.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes", "body", correlationId);
    }

    private ErrorResponseException reject(Rejection rejection, String detail, String field, String correlationId) {
        metrics.rejected(rejection.reason());
        log.atWarn().addKeyValue("provider", provider.name()).addKeyValue("correlationId", correlationId)
                .addKeyValue("rejection", rejection.reason()).addKeyValue("field", field)
                .log("Webhook refused: {}", detail);
        return rejection.problem(detail, field);
    }
}
