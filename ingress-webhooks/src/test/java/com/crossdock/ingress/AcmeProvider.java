package com.crossdock.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.TenantScope;
import com.crossdock.ingress.webhook.Freshness;
import com.crossdock.ingress.webhook.InvalidWebhookException;
import com.crossdock.ingress.webhook.RawDelivery;
import com.crossdock.ingress.webhook.RequestField;
import com.crossdock.ingress.webhook.WebhookAuthentication;
import com.crossdock.ingress.webhook.WebhookMapper;
import com.crossdock.ingress.webhook.WebhookProvider;
import com.crossdock.platform.config.Secret;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second webhook provider, defined here only to show that the kit is generic: shaped like Optimakers' webhook
 * (VENDORS.md: {@code {id, createdAt, token, eventSource, webhookRegistrationId, ids:[…]}}, the shared token in
 * the body its only security), with a trivial mapper: {@code product.updated} states one {@link ArticleUpserted}
 * per id, anything else is kept raw. Not Optimakers' mapping (that is the order-bridge's).
 */
@TestConfiguration(proxyBeanMethods = false)
class AcmeProvider {

    static final String NAME = "acme";
    static final String PATH = "/webhooks/" + NAME;
    static final String RAW_TOPIC = "crossdock.acme-webhook-raw.v1";
    static final String TOKEN = "acme-shared-token";
    static final String KEPT_HEADER = "x-acme-registration";

    @Bean
    ConsumerGroup acmeMapperGroup() {
        return new ConsumerGroup("acme-mapper", RAW_TOPIC);
    }

    @Bean
    WebhookProvider acmeWebhooks(ConsumerGroup acmeMapperGroup, Envelopes envelopes) {
        return WebhookProvider.builder(NAME)
                .authentication(WebhookAuthentication.token(Secret.of(TOKEN), RequestField.body("token")))
                .deliveryId(RequestField.body("id"))
                .eventType(RequestField.body("eventSource"))
                .freshness(new Freshness(RequestField.body("createdAt"), Instant::parse, Duration.ofMinutes(5)))
                .rawTopic(RAW_TOPIC)
                .keptHeaders(header -> header.startsWith("x-acme-"))
                .mapper(new ArticlesMapper(envelopes))
                .mapperGroup(acmeMapperGroup)
                .build();
    }

    /** The event id seed of the {@code index}th event of a delivery. */
    static String idSeed(String deliveryId, int index) {
        return "acme-webhook:" + deliveryId + ":" + index;
    }

    /** A delivery's body, as the provider would send it. */
    static String body(String id, String eventSource, String ids, String token, Instant createdAt) {
        return "{\"id\": \"" + id + "\", \"createdAt\": \"" + createdAt + "\", \"token\": \"" + token
                + "\", \"eventSource\": \"" + eventSource + "\", \"webhookRegistrationId\": 7, \"ids\": " + ids + "}";
    }

    private static final class ArticlesMapper implements WebhookMapper {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final Envelopes envelopes;

        ArticlesMapper(Envelopes envelopes) {
            this.envelopes = envelopes;
        }

        @Override
        public Mapping map(RawDelivery delivery) {
            if (!"product.updated".equals(delivery.eventType())) {
                return Mapping.keptRaw("other");
            }
            JsonNode ids = JSON.readTree(delivery.body()).path("ids");
            if (!ids.isArray()) {
                throw new InvalidWebhookException("ids", "must be an array");
            }
            List<CanonicalEvent> events = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String code = ids.get(i).asString();
                ArticleUpserted article = ArticleUpserted.newBuilder()
                        .setEnvelope(envelopes.envelope(SourceSystem.UNKNOWN, code, delivery.receivedAt(),
                                delivery.correlationId(), idSeed(delivery.deliveryId(), i), new TenantScope(NAME, null)))
                        .setCode(code)
                        .build();
                events.add(new CanonicalEvent(Topics.ARTICLE_UPSERTED, code, article));
            }
            return Mapping.of("product.updated", events);
        }
    }
}
