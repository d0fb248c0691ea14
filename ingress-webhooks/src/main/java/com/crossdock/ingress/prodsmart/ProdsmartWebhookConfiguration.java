package com.crossdock.ingress.prodsmart;

import com.crossdock.ingress.webhook.Freshness;
import com.crossdock.ingress.webhook.RequestField;
import com.crossdock.ingress.webhook.WebhookAuthentication;
import com.crossdock.ingress.webhook.WebhookProvider;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.prodsmart.ProdsmartDates;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import com.crossdock.vendor.prodsmart.ProdsmartPayloads;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import com.crossdock.vendor.prodsmart.RawWebhook;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /webhooks/prodsmart} on the webhook kit: Prodsmart's HMAC headers, its uuid and topic headers, its
 * {@code x-prodsmart-triggered-at}, its raw topic (and quarantine topic: every verified webhook is kept), and its
 * vendor library (payloads, dates and the one canonical mapping, shared with the poller) for the mapper stage.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProdsmartWebhookProperties.class, ProdsmartProperties.class})
class ProdsmartWebhookConfiguration {

    /**
     * The mapper stage's consumer group, declared once: the platform creates its retry and dead-letter topics on the
     * raw topic, and the kit registers the stage's listener on it. Its id stays {@code ingress-mapper}: renaming it
     * would start the stage over from the raw topic's retention and rename its dead-letter topic.
     */
    @Bean
    ConsumerGroup ingressMapperGroup() {
        return new ConsumerGroup("ingress-mapper", Topics.PRODSMART_WEBHOOK_RAW);
    }

    @Bean
    WebhookProvider prodsmartWebhooks(ProdsmartWebhookProperties settings, ProdsmartProperties company,
            Envelopes envelopes, ConsumerGroup ingressMapperGroup) {
        // the company's dates, one reader for the bodies and the triggered-at header at the edge and in the mapper
        ProdsmartDates dates = company.dates();
        ProdsmartPayloads payloads = new ProdsmartPayloads(dates);
        return WebhookProvider.builder("prodsmart")
                .authentication(WebhookAuthentication.hmac(settings.webhookSecret(), settings.signatureHeaders(),
                        settings.signatureEncodings()))
                .deliveryId(RequestField.header(ProdsmartHeaders.WEBHOOK_UUID))
                .eventType(RequestField.header(ProdsmartHeaders.TOPIC))
                .freshness(new Freshness(RequestField.header(ProdsmartHeaders.TRIGGERED_AT),
                        triggeredAt -> RawWebhook.triggeredAt(triggeredAt, dates), settings.maxClockSkew()))
                .rawTopic(Topics.PRODSMART_WEBHOOK_RAW)
                // its own x-prodsmart-* headers; any signature header, configured or not, proves nothing once verified
                .keptHeaders(header -> header.startsWith(ProdsmartHeaders.VENDOR_PREFIX) && !header.contains("hmac"))
                // Prodsmart never retries: once verified, a webhook is kept (raw, or in quarantine), never refused
                .bodyCheck(new ProdsmartRecordKey())
                .keepEveryVerifiedDelivery()
                .mapper(new ProdsmartWebhookMapper(payloads, new ProdsmartEventMapper(envelopes, company), dates))
                .mapperGroup(ingressMapperGroup)
                .build();
    }
}
