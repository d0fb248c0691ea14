package com.crossdock.platform.poller;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolConfiguration;
import com.crossdock.platform.spool.SpoolDrainer;
import com.crossdock.platform.vendor.client.VendorClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The poller kit's wiring (docs/poller-kit.md). A vendor's poller module imports it and supplies two beans: its
 * {@link PollerDefinition} and its {@link PollerSources}; the kit runs the lease, the budget's clients, the feed
 * loop, the batch writer and spool, reconciliation with its schedule and admin trigger, and the meters.
 */
@Configuration(proxyBeanMethods = false)
@Import({SpoolConfiguration.class, ReconciliationController.class})
public class PollerKitConfiguration {

    @Bean
    PollerMetrics pollerMetrics(MeterRegistry registry, Clock clock, PollerDefinition poller) {
        return new PollerMetrics(registry, clock, poller.vendor());
    }

    @Bean
    PollerBudget pollerBudget(VendorClients clients, PollerDefinition poller, MeterRegistry registry, Clock clock) {
        return new PollerBudget(clients, poller.vendor(), poller.limit(), registry, clock);
    }

    @Bean
    RecordEncoder pollerRecordEncoder(KafkaProperties kafka, PollerDefinition poller) {
        return RecordEncoder.forProducer(kafka, poller.raw());
    }

    /** What the poller published, read back from the canonical topics (a reconciliation's removals). */
    @Bean
    PublishedRecords publishedRecords(KafkaProperties kafka) {
        return new PublishedRecords(kafka.buildConsumerProperties());
    }

    @Bean
    RecordSink pollerRecordSink(RawRecordSender sender) {
        return sender::send;
    }

    @Bean
    DurableSpool.Sender spoolSender(RecordSink sink) {
        return record -> sink.send(KafkaSpoolRecords.toProducerRecord(record));
    }

    @Bean
    BatchWriter batchWriter(RecordSink sink, DurableSpool spool, SpoolDrainer drainer, PollerDefinition poller,
            PollerMetrics metrics) {
        return new BatchWriter(sink, spool, drainer, poller.feed().kafkaTimeout(), poller.feed().retry(), metrics);
    }

    @Bean(destroyMethod = "")
    PollerLease pollerLease(KafkaProperties kafka, PollerDefinition poller, PollerMetrics metrics) {
        PollerLease lease = new PollerLease(kafka.buildConsumerProperties(), poller.lease(), poller.vendor(),
                poller.account());
        metrics.lease(poller.account(), lease::isActive);
        return lease;
    }

    @Bean
    FeedScheduler feedScheduler(PollerSources sources, RecordEncoder encoder, BatchWriter writer, PollerLease lease,
            DurableSpool spool, RawRecordSender sender, PollerDefinition poller, PollerMetrics metrics, Clock clock,
            ReconciliationRunner reconciliation) {
        sources.feed().forEach(source -> metrics.channel(source.channel()));
        // a destructive read that may have been served and lost: reconcile what its channel carries
        FeedReader reader = new FeedReader(encoder, writer, poller.raw(), lease::isActive, spool::isEmpty, poller.feed(),
                metrics, clock, source -> reconciliation.reconcile(source.reconciledBy()));
        return new FeedScheduler(reader, sources.feed(), poller.feed().idleInterval(),
                () -> sender.warmUp(poller.raw().topic()), poller.vendor());
    }

    @Bean(destroyMethod = "")
    ReconciliationRunner reconciliationRunner(PollerSources sources, RecordEncoder encoder, BatchWriter writer,
            PollerLease lease, PollerMetrics metrics, Clock clock, PollerDefinition poller) {
        return new ReconciliationRunner(sources.reconciliation(), encoder, writer, lease::isActive, metrics, clock,
                Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, poller.vendor() + "-reconciliation");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    @Bean
    PollerLifecycle pollerLifecycle(PollerLease lease, FeedScheduler feed, ReconciliationRunner reconciliation,
            PollerDefinition poller) {
        return new PollerLifecycle(lease, feed, reconciliation, poller.reconciliation(), poller.zone());
    }

    /** The vendor's raw topic: kept a week, as every raw input. */
    @Bean
    KafkaAdmin.NewTopics pollerRawTopic(TopicDeclarations topics, PollerDefinition poller) {
        return topics.raw(List.of(poller.raw().topic()));
    }

    /** One partition: whoever is assigned it is the account's one active poller. */
    @Bean
    NewTopic pollerLeaseTopic(TopicDeclarations topics, PollerDefinition poller) {
        return topics.lease(poller.vendor());
    }
}
