package com.crossdock.ingress.webhook;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.crossdock.ingress.webhook.store.DedupeMemory;
import com.crossdock.ingress.webhook.store.RawWebhookStore;
import com.crossdock.ingress.webhook.store.RawWebhookStore.Destination;
import com.crossdock.platform.web.Problems;
import com.crossdock.platform.web.SaneIds;
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
 * and logged without the credential. A provider that {@linkplain WebhookProvider#keepVerified keeps every
 * verified delivery} is never refused after authentication: a body its check refuses is stored raw all the same,
 * and a delivery without a usable id (given a {@linkplain WebhookProvider#derivedId derived one}) or sending time,
 * or a stale one, is stored on its quarantine topic and answered {@code quarantined}.
 */
final class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    /** The Retry-After of a 503 answered because neither Kafka nor the spool took it (full, or its disk full). */
    static final long SPOOL_FULL_RETRY_AFTER_SECONDS = 30;

    /**
     * The answer: {@code accepted} (stored now), {@code quarantined} (stored now on the quarantine topic, not mapped
     * until an operator releases it) or {@code duplicate} (stored before).
     *
     * @param uuid the delivery id (Prodsmart's webhook uuid gave the field its name), a derived one if it had none
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

    /**
     * @param uploadSlot gives back the upload's slot ({@link UploadSlots}): run once the body is read, refused or
     *                   abandoned, or at once when it is not read
     */
    Mono<Answer> receive(ServerHttpRequest request, String correlationId, Runnable uploadSlot) {
        metrics.received();
        HttpHeaders headers = request.getHeaders();
        WebhookCaller caller = WebhookCaller.of(correlationId, headers);
        if (!WebhookBody.isJson(headers)) {
            uploadSlot.run();
            return Mono.error(reject(Rejection.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json", "Content-Type",
                    caller));
        }
        if (headers.getContentLength() > maxBodyBytes) {
            uploadSlot.run();
            return Mono.error(tooLarge(caller));
        }
        return WebhookBody.read(request.getBody().doFinally(signal -> uploadSlot.run()), maxBodyBytes)
                .onErrorMap(failure -> {
                    if (failure instanceof DataBufferLimitException) {
                        return tooLarge(caller);
                    }
                    // Reactor Netty's request-timeout (the whole request): a slow or silent client, cut off
                    return timedOut(failure)
                            ? reject(Rejection.TOO_SLOW, "the request did not arrive whole in time", "body", caller)
                            : failure;
                })
                .flatMap(body -> accept(headers, body, caller));
    }

    private Mono<Answer> accept(HttpHeaders headers, byte[] body, WebhookCaller caller) {
        Verified delivery;
        try {
            delivery = verify(headers, body, caller);
        } catch (ErrorResponseException rejected) {
            return Mono.error(rejected);
        }
        if (!dedupe.claim(delivery.id())) {
            metrics.duplicate();
            caller.log(() -> log.atInfo().addKeyValue("provider", provider.name()).addKeyValue("deliveryId", delivery.id())
                    .log("Duplicate webhook answered without storing it again"));
            return Mono.just(new Answer("duplicate", delivery.id()));
        }
        ProducerRecord<byte[], byte[]> record = records.of(headers, delivery.stored(), delivery.key(), delivery.id(),
                delivery.derivedId(), delivery.eventType(), caller, delivery.receivedAt(), delivery.quarantined());
        return Mono.fromFuture(storeToTheEnd(record, delivery), true)
                .map(destination -> {
                    if (delivery.quarantined() != null) {
                        caller.log(() -> log.atWarn().addKeyValue("provider", provider.name())
                                .addKeyValue("deliveryId", delivery.id()).addKeyValue("eventType", delivery.eventType())
                                .addKeyValue("quarantine", delivery.quarantined()).addKeyValue("storedIn", destination)
                                .log("Verified webhook kept in quarantine on {}: not mapped until an operator releases it",
                                        record.topic()));
                        return new Answer("quarantined", delivery.id());
                    }
                    // the raw topic is the record of every webhook received; a log line per webhook would cost
                    // more CPU than the rest of the intake at load, so only the exceptional path logs at INFO
                    Level level = destination == Destination.KAFKA ? Level.DEBUG : Level.INFO;
                    if (log.isEnabledForLevel(level)) {
                        caller.log(() -> log.atLevel(level).addKeyValue("provider", provider.name())
                                .addKeyValue("deliveryId", delivery.id()).addKeyValue("eventType", delivery.eventType())
                                .addKeyValue("storedIn", destination).log("Webhook accepted"));
                    }
                    return new Answer("accepted", delivery.id());
                })
                .onErrorMap(failure -> {
                    // neither Kafka nor the disk took it (its id was given back above): tell the provider we failed
                    caller.log(() -> log.atError().addKeyValue("provider", provider.name())
                            .addKeyValue("deliveryId", delivery.id())
                            .log("Webhook could not be stored: {}", failure.toString()));
                    ErrorResponseException problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                            "webhook-not-stored", "the webhook could not be stored; nothing was kept", null);
                    // Kafka is away and the spool holds its limit (SpoolFullException) or its disk is full (the file
                    // system refused the write): either way, say when to come back
                    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(SPOOL_FULL_RETRY_AFTER_SECONDS));
                    return problem;
                });
    }

    /**
     * The store runs to its end whatever the request does: a provider that hangs up while its webhook is being stored
     * must find it stored (a retry is then a duplicate) or its id given back, never claimed and not stored. A stored
     * webhook is counted here, at the store's end, so that one whose caller hung up is counted too (it is mapped all
     * the same: counted in the answer, the accepted count fell behind the mapped one by the requests a client dropped).
     */
    private CompletableFuture<Destination> storeToTheEnd(ProducerRecord<byte[], byte[]> record, Verified delivery) {
        return store.store(record).whenComplete((destination, failure) -> {
            if (failure != null) {
                // neither Kafka nor the disk took it: give the id back before the answer goes out
                dedupe.release(delivery.id());
                return;
            }
            metrics.accepted(destination, Duration.between(delivery.receivedAt(), clock.instant()));
            if (delivery.quarantined() != null) {
                metrics.quarantined(delivery.quarantined());
            }
        });
    }

    /**
     * @param derivedId   whether {@code id} was derived (the delivery had no usable one)
     * @param stored      the body to store (a token in it replaced)
     * @param key         the raw record's key
     * @param quarantined why it is kept on the quarantine topic ({@link Quarantine}); null for the raw topic
     */
    private record Verified(String id, boolean derivedId, String eventType, byte[] stored, String key,
            Instant receivedAt, String quarantined) {
    }

    /** Why a verified delivery of a provider that keeps them all is quarantined: the record header's and tag's value. */
    private static final class Quarantine {
        static final String NO_DELIVERY_ID = "no-delivery-id";
        static final String NO_SENDING_TIME = "no-sending-time";
        static final String STALE = "stale";

        private Quarantine() {
        }
    }

    /**
     * Authentication, delivery id, freshness and body, in that order; throws the rejection's problem. For a provider
     * that keeps every verified delivery, only authentication refuses.
     */
    private Verified verify(HttpHeaders headers, byte[] body, WebhookCaller caller) {
        BodyFields fields = BodyFields.read(body, bodyFields, credentialField);
        WebhookAuthentication authentication = provider.authentication();
        authentication.require(authentication.verify(headers, body, fields),
                (rejection, detail, field) -> reject(rejection, detail, field, caller));
        try {
            if (!provider.keepVerified()) {
                fields.requireReadable();
            }
            String eventType = provider.eventType().read(headers, fields);
            String quarantined = null;
            boolean derived = false;
            String id = provider.deliveryId().read(headers, fields);
            if (!SaneIds.isSane(id)) {
                quarantined = quarantineOrRefuse(Quarantine.NO_DELIVERY_ID, provider.deliveryId().missing(),
                        "a delivery id (" + SaneIds.RULE + ") is required", provider.deliveryId().name(),
                        caller);
                id = WebhookProvider.derivedId(eventType, body);
                derived = true;
            }
            Instant receivedAt = clock.instant();
            if (provider.freshness().isPresent()) {
                String stale = staleness(provider.freshness().get(), headers, fields, receivedAt, caller);
                quarantined = quarantined != null ? quarantined : stale;
            }
            return new Verified(id, derived, eventType, fields.withoutCredential(body), key(eventType, body, id),
                    receivedAt, quarantined);
        } catch (InvalidWebhookException e) {
            throw reject(e.malformed() ? Rejection.MALFORMED_JSON : Rejection.INVALID_BODY, e.reason(), e.field(),
                    caller);
        }
    }

    /** The record key the body check finds; the delivery id when it finds none, or refuses a body that is kept. */
    private String key(String eventType, byte[] body, String id) {
        try {
            return provider.bodyCheck().check(eventType, body).orElse(id);
        } catch (InvalidWebhookException refused) {
            if (provider.keepVerified()) {
                return id;
            }
            throw refused;
        }
    }

    /**
     * Null when the delivery is fresh. Otherwise why it is quarantined, for a provider that keeps every verified
     * delivery; any other is refused (400 without a usable sending time, 401 stale).
     */
    private String staleness(Freshness freshness, HttpHeaders headers, BodyFields fields, Instant now,
            WebhookCaller caller) {
        RequestField field = freshness.field();
        String value = field.read(headers, fields);
        if (value == null) {
            return quarantineOrRefuse(Quarantine.NO_SENDING_TIME, field.missing(), "is required", field.name(),
                    caller);
        }
        Instant sent;
        try {
            sent = freshness.reader().apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            return quarantineOrRefuse(Quarantine.NO_SENDING_TIME, field.missing(), "could not be read as a date",
                    field.name(), caller);
        }
        if (Duration.between(sent, now).abs().compareTo(freshness.maxClockSkew()) > 0) {
            return quarantineOrRefuse(Quarantine.STALE, Rejection.STALE,
                    "the webhook was sent more than " + freshness.maxClockSkew() + " from now", field.name(),
                    caller);
        }
        return null;
    }

    /** {@code reason} for a provider that keeps every verified delivery; for any other, throws the refusal. */
    private String quarantineOrRefuse(String reason, Rejection rejection, String detail, String field,
            WebhookCaller caller) {
        if (provider.keepVerified()) {
            return reason;
        }
        throw reject(rejection, detail, field, caller);
    }

    private ErrorResponseException tooLarge(WebhookCaller caller) {
        return reject(Rejection.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes", "body", caller);
    }

    private ErrorResponseException reject(Rejection rejection, String detail, String field, WebhookCaller caller) {
        metrics.rejected(rejection.reason());
        caller.log(() -> log.atWarn().addKeyValue("provider", provider.name())
                .addKeyValue("rejection", rejection.reason()).addKeyValue("field", field)
                .log("Webhook refused: {}", detail));
        return rejection.problem(detail, field);
    }

    /**
     * Reactor Netty's request-timeout ({@code reactor.netty.http.server.RequestTimeoutException}, package-private: known
     * by its name) while the body was read.
     */
    private static boolean timedOut(Throwable failure) {
        return failure.getClass().getName().equals("reactor.netty.http.server.RequestTimeoutException");
    }
}
