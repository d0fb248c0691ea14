package com.crossdock.ingress.optimakers;

import java.util.Optional;

import com.crossdock.ingress.webhook.BodyCheck;
import com.crossdock.ingress.webhook.InvalidWebhookException;
import com.crossdock.ingress.webhook.RequestField;
import com.crossdock.ingress.webhook.WebhookAuthentication;
import com.crossdock.ingress.webhook.WebhookMapper;
import com.crossdock.ingress.webhook.WebhookProvider;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.optimakers.InvalidOptimakersPayloadException;
import com.crossdock.vendor.optimakers.OptimakersWebhook;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /webhooks/optimakers} on the webhook kit, served when {@code crossdock.ingress.optimakers.token} is
 * set: the shared security token in the body ({@code token}), compared in constant time (401 otherwise, nothing
 * stored; the raw record keeps the body with the token replaced), deduplicated by the webhook's {@code id}, its
 * {@code eventSource} the event type; a body that is not an Optimakers webhook is refused with the field at fault
 * (400). Stored raw before the 2xx on {@link Topics#OPTIMAKERS_WEBHOOK_RAW}. A webhook names only ids: the
 * canonical events need Optimakers' API, so order-bridge maps them in its own consumer group; this provider's
 * mapper stage keeps them raw and counts them by event source.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "crossdock.ingress.optimakers", name = "token")
@EnableConfigurationProperties(OptimakersWebhookProperties.class)
class OptimakersWebhookConfiguration {

    @Bean
    ConsumerGroup optimakersIngressGroup() {
        return new ConsumerGroup("ingress-optimakers", Topics.OPTIMAKERS_WEBHOOK_RAW);
    }

    @Bean
    WebhookProvider optimakersWebhooks(OptimakersWebhookProperties settings, ConsumerGroup optimakersIngressGroup) {
        return WebhookProvider.builder("optimakers")
                .authentication(WebhookAuthentication.token(settings.token(), RequestField.body("token")))
                .deliveryId(RequestField.body("id"))
                .eventType(RequestField.body("eventSource"))
                .rawTopic(Topics.OPTIMAKERS_WEBHOOK_RAW)
                .bodyCheck(webhookShape())
                .mapper(delivery -> WebhookMapper.Mapping.keptRaw(
                        OptimakersWebhook.read(delivery.body()).eventSource()))
                .mapperGroup(optimakersIngressGroup)
                .build();
    }

    /** What the edge accepts order-bridge can read: the vendor library's reader, its failure a 400. */
    private static BodyCheck webhookShape() {
        return (eventType, body) -> {
            try {
                OptimakersWebhook.read(body);
            } catch (InvalidOptimakersPayloadException invalid) {
                throw new InvalidWebhookException(invalid.field(), invalid.reason());
            }
            return Optional.empty();
        };
    }
}
