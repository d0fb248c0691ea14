package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;

/**
 * One webhook provider, as a bean: the kit ({@link WebhookKitConfiguration}) gives it {@code POST
 * /webhooks/<name>}, the edge's checks, a dedupe memory of its delivery ids rebuilt from its raw topic, the durable
 * store (Kafka or the spool) and a mapper stage in its own consumer group. Build one with {@link #builder}.
 *
 * @param name           the path segment and the {@code provider} tag of its meters; lower case
 * @param authentication how it proves a delivery is its own
 * @param deliveryId     where its delivery id is: deliveries are deduplicated by it, and its events' ids derive
 *                       from it
 * @param eventType      where its event type is (a delivery may name none)
 * @param freshness      how old a delivery may be, when the provider says when it sent it
 * @param rawTopic       the topic its verified deliveries are kept on, exactly as received (a {@code Topics} name)
 * @param keptHeaders    which request headers (lower-case names) the raw record keeps, besides the content type
 *                       and the headers the kit reads back (delivery id, event type, freshness); never a header that
 *                       carries the credential
 * @param bodyCheck      what the edge checks of the body before storing it, and the record key it finds
 * @param keepVerified   never refuse a delivery once it is authenticated (a provider that never retries, such as
 *                       Prodsmart, would lose it): a body its check refuses is stored raw all the same (the mapper
 *                       stage judges it and dead-letters what it cannot map), and a delivery without a usable
 *                       delivery id (it gets a derived one, {@link #derivedId}) or sending time, or a stale one, is
 *                       stored on its {@linkplain #quarantineTopic quarantine topic} until an operator releases it
 * @param mapper         raw delivery to canonical events
 * @param mapperGroup    the mapper stage's consumer group on {@code rawTopic}, declared as a {@code ConsumerGroup}
 *                       bean so that its retry and dead-letter topics are created; the stage listens on its
 *                       {@code listenTopics()}
 */
public record WebhookProvider(String name, WebhookAuthentication authentication, RequestField deliveryId,
        RequestField eventType, Optional<Freshness> freshness, String rawTopic, Predicate<String> keptHeaders,
        BodyCheck bodyCheck, boolean keepVerified, WebhookMapper mapper, ConsumerGroup mapperGroup) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public WebhookProvider {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a webhook provider's name is its path segment, [a-z0-9-]: not '" + name + "'");
        }
        if (authentication == null || deliveryId == null || eventType == null || freshness == null
                || rawTopic == null || keptHeaders == null || bodyCheck == null || mapper == null || mapperGroup == null) {
            throw new IllegalArgumentException("webhook provider " + name + " needs an authentication, where its delivery"
                    + " id and event type are, a raw topic, a mapper and the mapper's consumer group");
        }
        if (!mapperGroup.sourceTopics().equals(List.of(rawTopic))) {
            throw new IllegalArgumentException("the mapper group " + mapperGroup.id() + " of webhook provider " + name
                    + " must consume its raw topic " + rawTopic + " and nothing else, not " + mapperGroup.sourceTopics());
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Where a {@linkplain #keepVerified provider that keeps every verified delivery} stores those it will not map
     * until an operator releases them ({@code operator quarantine release}): {@code <raw topic>.quarantine}.
     */
    public String quarantineTopic() {
        return Topics.quarantineTopic(rawTopic);
    }

    /**
     * The id a delivery without a usable one is deduplicated by and its events' ids derive from: a hash of its event
     * type and body, so that the same delivery sent again is the same id ({@code sha256-<64 hex>}).
     */
    public static String derivedId(String eventType, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((eventType == null ? "" : eventType).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return "sha256-" + HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The raw record header its delivery id is read back from (the dedupe rebuild, the spool, the mapper). */
    public String deliveryIdHeader() {
        return deliveryId.inBody() ? RawRecordHeaders.DELIVERY_ID : deliveryId.name();
    }

    /** The raw record header its event type is read back from. */
    public String eventTypeHeader() {
        return eventType.inBody() ? RawRecordHeaders.EVENT_TYPE : eventType.name();
    }

    /** The top-level body fields the edge reads: none for a provider that sends everything in headers. */
    Set<String> bodyFields() {
        Set<String> fields = new HashSet<>();
        authentication.bodyField().ifPresent(fields::add);
        located().stream().filter(RequestField::inBody).forEach(field -> fields.add(field.name()));
        return Set.copyOf(fields);
    }

    /** Request headers the kit reads back from the raw record: kept whatever {@code keptHeaders} says. */
    Set<String> readBackHeaders() {
        Set<String> headers = new HashSet<>();
        located().stream().filter(field -> !field.inBody()).forEach(field -> headers.add(field.name()));
        return Set.copyOf(headers);
    }

    private List<RequestField> located() {
        List<RequestField> fields = new ArrayList<>(List.of(deliveryId, eventType));
        freshness.ifPresent(fresh -> fields.add(fresh.field()));
        return fields;
    }

    /**
     * Builds a {@link WebhookProvider}; every setting but freshness, kept headers, body check and keeping every
     * verified delivery is required.
     */
    public static final class Builder {

        private final String name;
        private WebhookAuthentication authentication;
        private RequestField deliveryId;
        private RequestField eventType;
        private Freshness freshness;
        private String rawTopic;
        private Predicate<String> keptHeaders = header -> false;
        private BodyCheck bodyCheck = BodyCheck.NONE;
        private boolean keepVerified;
        private WebhookMapper mapper;
        private ConsumerGroup mapperGroup;

        private Builder(String name) {
            this.name = name;
        }

        public Builder authentication(WebhookAuthentication authentication) {
            this.authentication = authentication;
            return this;
        }

        public Builder deliveryId(RequestField deliveryId) {
            this.deliveryId = deliveryId;
            return this;
        }

        public Builder eventType(RequestField eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder freshness(Freshness freshness) {
            this.freshness = freshness;
            return this;
        }

        public Builder rawTopic(String rawTopic) {
            this.rawTopic = rawTopic;
            return this;
        }

        public Builder keptHeaders(Predicate<String> keptHeaders) {
            this.keptHeaders = keptHeaders;
            return this;
        }

        public Builder bodyCheck(BodyCheck bodyCheck) {
            this.bodyCheck = bodyCheck;
            return this;
        }

        /** Never refuse an authenticated delivery: see {@link WebhookProvider#keepVerified()}. */
        public Builder keepEveryVerifiedDelivery() {
            this.keepVerified = true;
            return this;
        }

        public Builder mapper(WebhookMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public Builder mapperGroup(ConsumerGroup mapperGroup) {
            this.mapperGroup = mapperGroup;
            return this;
        }

        public WebhookProvider build() {
            return new WebhookProvider(name, authentication, deliveryId, eventType, Optional.ofNullable(freshness),
                    rawTopic, keptHeaders, bodyCheck, keepVerified, mapper, mapperGroup);
        }
    }
}
