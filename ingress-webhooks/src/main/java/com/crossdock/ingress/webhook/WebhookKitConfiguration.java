package com.crossdock.ingress.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.ingress.webhook.WebhookProviders.Registered;
import com.crossdock.ingress.webhook.store.DedupeRebuilder;
import com.crossdock.ingress.webhook.store.DedupeWarmUp;
import com.crossdock.ingress.webhook.store.RawWebhookStore;
import com.crossdock.ingress.webhook.store.SpoolSender;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.CrossdockKafkaProperties;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.RecordObservation;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolConfiguration;
import com.crossdock.platform.spool.SpoolDrainer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook kit: for every {@link WebhookProvider} bean, its path, edge, dedupe memory (rebuilt from its raw
 * topic, readiness waiting for it), its raw topic, and its mapper stage's listener; and, for all of them, where
 * deliveries are kept: Kafka (acks=all), or the platform's durable spool while Kafka cannot take them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngressProperties.class)
@Import(SpoolConfiguration.class)
class WebhookKitConfiguration {

    /** How long a mapper stage waits for Kafka to acknowledge a poll's events before the record is retried. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    /** {@link WebhookEndpoint}'s paths. */
    private static final String WEBHOOK_PATHS = "/webhooks/";

    @Bean
    WebhookProviders webhookProviders(List<WebhookProvider> providers, ObjectProvider<ConsumerGroup> groups,
            IngressProperties properties, Clock clock, MeterRegistry registry) {
        return new WebhookProviders(providers, groups.orderedStream().toList(), properties.dedupe(), clock, registry);
    }

    /** Each provider's raw topic: not compacted, every delivery kept for a week (the platform's rule for raw input). */
    @Bean
    KafkaAdmin.NewTopics webhookRawTopics(TopicDeclarations topics, WebhookProviders providers) {
        return topics.raw(providers.all().stream().map(each -> each.provider().rawTopic()).toList());
    }

    /**
     * The quarantine topic of each provider that keeps every verified delivery: it waits for an operator, so it is
     * kept as long as dead letters are (a month), not compacted.
     */
    @Bean
    KafkaAdmin.NewTopics webhookQuarantineTopics(TopicDeclarations topics, WebhookProviders providers) {
        return new KafkaAdmin.NewTopics(providers.all().stream().filter(each -> each.provider().keepVerified())
                .map(each -> topics.deadLetters(each.provider().quarantineTopic())).toArray(NewTopic[]::new));
    }

    /** Also the health contributor {@code dedupeMemory}, outside readiness (see ingress-webhooks.yml). */
    @Bean
    DedupeReadiness dedupeMemoryHealthIndicator(KafkaProperties kafka, WebhookProviders providers,
            IngressProperties properties, Clock clock) {
        Map<String, DedupeWarmUp> warmUps = new LinkedHashMap<>();
        for (Registered each : providers.all()) {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingress-dedupe-rebuild-" + each.name());
            DedupeRebuilder rebuilder = new DedupeRebuilder(
                    () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                    storedOn(each.provider()), each.provider().deliveryIdHeader(), each.dedupe(), clock);
            warmUps.put(each.name(), new DedupeWarmUp(each.name(), rebuilder, each.dedupe(), properties.dedupe().retry()));
        }
        return new DedupeReadiness(warmUps);
    }

    /**
     * What the platform's spool drainer sends with ({@link SpoolConfiguration}: the spool in
     * {@code crossdock.spool.directory}); it remembers each drained delivery in its provider's memory.
     */
    @Bean
    DurableSpool.Sender webhookSpoolSender(RawRecordSender sender, WebhookProviders providers, Clock clock) {
        Map<String, SpoolSender.Memory> byTopic = new HashMap<>();
        for (Registered each : providers.all()) {
            for (String topic : storedOn(each.provider())) {
                byTopic.put(topic, new SpoolSender.Memory(each.dedupe(), each.provider().deliveryIdHeader()));
            }
        }
        return new SpoolSender(sender, byTopic, clock);
    }

    /** Where a provider's deliveries are stored: its raw topic, and its quarantine topic when it keeps one. */
    private static List<String> storedOn(WebhookProvider provider) {
        return provider.keepVerified() ? List.of(provider.rawTopic(), provider.quarantineTopic())
                : List.of(provider.rawTopic());
    }

    @Bean
    RawWebhookStore rawWebhookStore(RawRecordSender sender, DurableSpool spool, SpoolDrainer drainer,
            IngressProperties properties) {
        return new RawWebhookStore(sender, spool, drainer::drainNow, properties.kafkaAckTimeout());
    }

    /**
     * The webhook paths are not observed: no {@code http.server.requests} timer and no server span per webhook. The
     * kit's own meters count every delivery by provider (received, accepted by destination, rejected by reason, the
     * publish latency), and the raw record keeps the trace its caller sent ({@link WebhookCaller}); the observation,
     * with the context propagation its scopes take on every reactive signal, cost as much as the rest of the intake
     * (issue 15's profile, docs/benchmarks.md). Every other path (an operator's endpoints, a 404) is observed as before.
     */
    @Bean
    ObservationPredicate webhookPathsNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getPath().pathWithinApplication().value().startsWith(WEBHOOK_PATHS));
    }

    @Bean
    WebhookIntakes webhookIntakes(WebhookProviders providers, RawWebhookStore store, Clock clock,
            IngressProperties properties, CrossdockKafkaProperties kafka, Environment environment) {
        properties.requireRecordsFit(kafka.maxRecordSize(), environment.getProperty(
                "server.max-http-request-header-size", DataSize.class, DataSize.ofKilobytes(8)));
        Map<String, WebhookIntake> intakes = new HashMap<>();
        int maxBodyBytes = Math.toIntExact(properties.maxBodyBytes().toBytes());
        for (Registered each : providers.all()) {
            intakes.put(each.name(), new WebhookIntake(each.provider(), each.dedupe(), store, each.metrics(), clock,
                    maxBodyBytes));
        }
        return new WebhookIntakes(intakes);
    }

    /**
     * {@code POST /webhooks/<provider>} ({@link WebhookEndpoint}), at most max-concurrent-uploads webhook bodies read
     * at once (issue 13, point 8: slow clients).
     */
    @Bean
    RouterFunction<ServerResponse> webhookRoutes(WebhookIntakes intakes, IngressProperties properties,
            MeterRegistry registry, JsonMapper json) {
        return WebhookEndpoint.routes(intakes, new UploadSlots(properties.maxConcurrentUploads(), registry), json);
    }

    /**
     * A request must arrive whole within request-timeout: a slow client holds a connection and its buffers no longer
     * (Reactor Netty closes it; it is never answered 2xx). A silent one is cut off at the same time, so no read
     * timeout of the same length is set as well: it was a handler added to and removed from the pipeline of every
     * request (issue 15's profile).
     */
    @Bean
    NettyServerCustomizer requestTimeout(IngressProperties properties) {
        return server -> server.requestTimeout(properties.requestTimeout());
    }

    /** Each provider's mapper stage, listening on its consumer group ({@link MapperListenerEndpoint}). */
    @Bean
    KafkaListenerConfigurer webhookMapperStages(WebhookProviders providers, EventPublisher publisher,
            RecordObservation observation) {
        return registrar -> {
            for (Registered each : providers.all()) {
                WebhookMapperStage stage = new WebhookMapperStage(each.provider(), publisher, each.metrics(), PUBLISH_TIMEOUT,
                        observation);
                registrar.registerEndpoint(new MapperListenerEndpoint(each.provider().mapperGroup(), stage));
            }
        };
    }
}
