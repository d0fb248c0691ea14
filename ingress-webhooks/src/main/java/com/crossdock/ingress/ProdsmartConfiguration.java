package com.crossdock.ingress;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.crossdock.ingress.prodsmart.ProdsmartMapperStage;
import com.crossdock.ingress.prodsmart.ProdsmartWebhookIntake;
import com.crossdock.ingress.prodsmart.SignatureVerifier;
import com.crossdock.ingress.store.DedupeMemory;
import com.crossdock.ingress.store.IngressMetrics;
import com.crossdock.ingress.store.RawWebhookStore;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartPayloads;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Prodsmart webhook: the edge's checks and the mapper stage, on Prodsmart's vendor library (its payloads,
 * dates and canonical mapping, shared with the poller) and the company's settings ({@link ProdsmartProperties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngressProperties.class, ProdsmartProperties.class})
class ProdsmartConfiguration {

    /** How long the mapper waits for Kafka to acknowledge a webhook's events before the record is retried. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The mapper stage's consumer group, declared once: the platform creates its retry and dead-letter topics on
     * the raw topic, and {@link ProdsmartMapperStage}'s listener takes its id and topics from this bean.
     */
    @Bean
    ConsumerGroup ingressMapperGroup() {
        return new ConsumerGroup("ingress-mapper", Topics.PRODSMART_WEBHOOK_RAW);
    }

    @Bean
    ProdsmartPayloads prodsmartPayloads(ProdsmartProperties company) {
        return new ProdsmartPayloads(company.timeZone());
    }

    @Bean
    SignatureVerifier prodsmartSignatureVerifier(IngressProperties properties) {
        IngressProperties.Prodsmart prodsmart = properties.prodsmart();
        return new SignatureVerifier(prodsmart.webhookSecret(), prodsmart.signatureHeaders(), prodsmart.signatureEncodings());
    }

    @Bean
    ProdsmartWebhookIntake prodsmartWebhookIntake(SignatureVerifier verifier, ProdsmartPayloads payloads,
            DedupeMemory dedupe, RawWebhookStore store, IngressMetrics metrics, Clock clock, IngressProperties properties,
            ProdsmartProperties company) {
        IngressProperties.Prodsmart prodsmart = properties.prodsmart();
        Set<String> signatureHeaders = prodsmart.signatureHeaders().stream()
                .map(header -> header.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new ProdsmartWebhookIntake(verifier, payloads, dedupe, store, metrics, clock,
                new ProdsmartWebhookIntake.Settings(Math.toIntExact(properties.maxBodyBytes().toBytes()),
                        prodsmart.maxClockSkew(), company.timeZone(), signatureHeaders));
    }

    @Bean
    ProdsmartMapperStage prodsmartMapperStage(ProdsmartPayloads payloads, Envelopes envelopes, EventPublisher publisher,
            IngressMetrics metrics, ProdsmartProperties company) {
        return new ProdsmartMapperStage(payloads, new ProdsmartEventMapper(envelopes, company), publisher, metrics,
                company.timeZone(), PUBLISH_TIMEOUT);
    }
}
