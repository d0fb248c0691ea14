package com.crossdock.ingress;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.crossdock.ingress.prodsmart.RawRecordHeaders;
import com.crossdock.ingress.store.DedupeMemory;
import com.crossdock.ingress.store.DedupeRebuilder;
import com.crossdock.ingress.store.DedupeWarmUp;
import com.crossdock.ingress.store.IngressMetrics;
import com.crossdock.ingress.store.RawWebhookStore;
import com.crossdock.ingress.store.SpoolSender;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolConfiguration;
import com.crossdock.platform.spool.SpoolDrainer;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Where webhooks are kept: Kafka, the durable spool while Kafka cannot take them, and the dedupe memory. */
@Configuration(proxyBeanMethods = false)
@Import(SpoolConfiguration.class)
class StoreConfiguration {

    @Bean
    IngressMetrics ingressMetrics(MeterRegistry registry) {
        return new IngressMetrics(registry, "prodsmart");
    }

    @Bean
    DedupeMemory dedupeMemory(IngressProperties properties, Clock clock, MeterRegistry registry) {
        IngressProperties.Dedupe dedupe = properties.dedupe();
        DedupeMemory memory = new DedupeMemory(dedupe.window(), dedupe.maximumEntries(), clock);
        Gauge.builder("crossdock.ingress.dedupe.size", memory, DedupeMemory::size)
                .description("webhook uuids remembered").register(registry);
        return memory;
    }

    /** Also the readiness contributor {@code dedupeMemory} (see ingress-webhooks.yml). */
    @Bean
    DedupeWarmUp dedupeMemoryHealthIndicator(KafkaProperties kafka, DedupeMemory memory, IngressProperties properties,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingress-dedupe-rebuild");
        DedupeRebuilder rebuilder = new DedupeRebuilder(
                () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                Topics.PRODSMART_WEBHOOK_RAW, ProdsmartHeaders.WEBHOOK_UUID, RawRecordHeaders.RECEIVED_AT, memory, clock);
        return new DedupeWarmUp(rebuilder, memory, properties.dedupe().retry());
    }

    /**
     * What the platform's spool drainer sends with ({@link SpoolConfiguration}: the spool in
     * {@code crossdock.spool.directory}, which ingress-webhooks.yml sets from {@code crossdock.ingress.spool-dir}).
     */
    @Bean
    DurableSpool.Sender webhookSpoolSender(RawRecordSender sender, DedupeMemory memory, Clock clock) {
        return new SpoolSender(sender, memory, ProdsmartHeaders.WEBHOOK_UUID, RawRecordHeaders.RECEIVED_AT, clock);
    }

    @Bean
    RawWebhookStore rawWebhookStore(RawRecordSender sender, DurableSpool spool, SpoolDrainer drainer,
            IngressProperties properties, IngressMetrics metrics) {
        return new RawWebhookStore(sender, spool, drainer::drainNow, properties.kafkaAckTimeout(), metrics);
    }
}
