package com.crossdock.poller;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;

import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.CrossdockKafkaProperties;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolConfiguration;
import com.crossdock.platform.spool.SpoolDrainer;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the poller: the Prodsmart client under the company's vendor policy, the feed, reconciliation, lease and spool;
 * items are mapped by Prodsmart's vendor library for the company of {@link ProdsmartProperties}.
 */
@Configuration(proxyBeanMethods = false)
@Import(SpoolConfiguration.class)
@EnableConfigurationProperties(ProdsmartProperties.class)
class PollerConfiguration {

    /** The vendor name: {@code crossdock.vendors.prodsmart.*} is the client and policy of every call of this service. */
    static final String VENDOR = "prodsmart";

    @Bean
    PollerMetrics pollerMetrics(MeterRegistry registry, Clock clock, PollerProperties properties) {
        properties.validate();
        PollerMetrics metrics = new PollerMetrics(registry, clock, properties.rateLimit(), properties.ratePeriod());
        properties.channels().forEach(channel -> metrics.channel(channel.name()));
        return metrics;
    }

    @Bean
    ProdsmartClient prodsmartClient(VendorClients clients, PollerMetrics metrics) {
        return ProdsmartClient.create(clients, metrics);
    }

    @Bean
    ItemRouter itemRouter(Envelopes envelopes, ProdsmartProperties company) {
        return new ItemRouter(new ProdsmartEventMapper(envelopes, company), Topics.PRODSMART_CHANGES_RAW);
    }

    @Bean
    @SuppressWarnings("unchecked")
    RecordEncoder recordEncoder(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        Object type = config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        Class<?> serializerClass = type instanceof Class<?> c ? c
                : org.springframework.util.ClassUtils.resolveClassName(String.valueOf(type), getClass().getClassLoader());
        Serializer<Object> serializer = (Serializer<Object>) BeanUtils.instantiateClass(serializerClass);
        serializer.configure(config, false);
        return new RecordEncoder(serializer, Topics.PRODSMART_CHANGES_RAW);
    }

    @Bean
    RecordSink recordSink(RawRecordSender sender) {
        return sender::send;
    }

    @Bean
    DurableSpool.Sender spoolSender(RecordSink sink) {
        return record -> sink.send(KafkaSpoolRecords.toProducerRecord(record));
    }

    @Bean
    BatchWriter batchWriter(RecordSink sink, DurableSpool spool, SpoolDrainer drainer, PollerProperties properties,
                            PollerMetrics metrics) {
        return new BatchWriter(sink, spool, drainer, properties.feed().kafkaTimeout(), properties.feed().retry(),
                metrics);
    }

    @Bean(destroyMethod = "")
    PollerLease pollerLease(KafkaProperties kafka, PollerProperties properties, ProdsmartProperties company,
                            PollerMetrics metrics) {
        PollerLease lease = new PollerLease(kafka.buildConsumerProperties(), properties.lease(), company.company());
        metrics.lease(lease::isActive);
        return lease;
    }

    @Bean
    FeedScheduler feedScheduler(ProdsmartClient client, ItemRouter router, RecordEncoder encoder, BatchWriter writer,
                                PollerLease lease, DurableSpool spool, RawRecordSender sender,
                                PollerProperties properties, PollerMetrics metrics, JsonMapper json, Clock clock) {
        FeedDrainer drainer = new FeedDrainer(client, router, encoder, writer, lease::isActive, spool::isEmpty,
                properties, metrics, json, clock);
        return new FeedScheduler(drainer, properties.channels(), properties.feed().idleInterval(),
                () -> sender.warmUp(Topics.PRODSMART_CHANGES_RAW));
    }

    @Bean(destroyMethod = "")
    Reconciliation reconciliation(ProdsmartClient client, ItemRouter router, RecordEncoder encoder, BatchWriter writer,
                                  PollerLease lease, PollerProperties properties, PollerMetrics metrics,
                                  JsonMapper json, Clock clock) {
        // reconciliation's calls take its share of the budget (crossdock.vendors.prodsmart.shares.reconciliation)
        return new Reconciliation(client.reconciliation(), router, encoder, writer, lease::isActive, properties,
                metrics, json, clock, Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "prodsmart-reconciliation");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    @Bean
    PollerLifecycle pollerLifecycle(PollerLease lease, FeedScheduler feed, Reconciliation reconciliation,
                                    PollerProperties properties, ProdsmartProperties company) {
        return new PollerLifecycle(lease, feed, reconciliation, properties, company);
    }

    @Bean
    KafkaAdmin.NewTopics pollerTopics(CrossdockKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.PRODSMART_CHANGES_RAW).partitions(kafka.partitions())
                        .replicas(kafka.replicationFactor()).build(),
                // one partition: whoever is assigned it is the company's one active poller
                TopicBuilder.name(Topics.leaseTopic(VENDOR)).partitions(1).replicas(kafka.replicationFactor()).build());
    }
}
