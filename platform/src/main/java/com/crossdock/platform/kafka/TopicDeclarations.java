package com.crossdock.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Topics a service needs, created at start-up by Spring's KafkaAdmin when they do not exist yet, each declared here
 * once: the canonical topics and the retry and dead-letter topics of every {@link ConsumerGroup} bean (the platform's
 * auto-configuration declares both), a kit's raw topics (the webhook kit's providers', a poller's), a poller's lease
 * topic, and a dead-letter topic a service writes itself.
 */
public final class TopicDeclarations {

    private static final long DAY = 24L * 3600 * 1000;
    private static final long WEEK = 7 * DAY;
    /** Dead letters wait for an operator: kept a month (and so are the operator's parked records). */
    public static final Duration DEAD_LETTERS_KEPT = Duration.ofDays(30);

    private final CrossdockKafkaProperties properties;

    public TopicDeclarations(CrossdockKafkaProperties properties) {
        this.properties = properties;
    }

    /**
     * The canonical topics: master data and full-state topics are compacted; deltas are not. Raw input topics are
     * declared by the kit that writes them ({@link #raw}).
     */
    public KafkaAdmin.NewTopics canonical() {
        return new KafkaAdmin.NewTopics(
                topic(Topics.STOCK_CHANGED, false, WEEK),
                topic(Topics.PRODUCTION_ORDER_CHANGED, true, WEEK),
                topic(Topics.ORDER_PLACED, true, WEEK),
                topic(Topics.ARTICLE_UPSERTED, true, WEEK),
                topic(Topics.ORDER_FULFILLED, true, WEEK),
                topic(Topics.SUPPLIER_INVOICE_RECEIVED, true, WEEK));
    }

    /** Raw input topics (a webhook provider's, a poller's): not compacted, kept a week like the canonical ones. */
    public KafkaAdmin.NewTopics raw(Collection<String> topics) {
        return new KafkaAdmin.NewTopics(topics.stream().map(raw -> topic(raw, false, WEEK)).toArray(NewTopic[]::new));
    }

    /**
     * A service's own state kept in Kafka (a poller's cursor, a link between two vendors' ids): compacted, so that
     * the latest record of every key stays, and read whole at the service's start.
     */
    public NewTopic state(String topic) {
        return topic(topic, true, WEEK);
    }

    /**
     * The lease topic of {@code vendor}'s pollers ({@link Topics#leaseTopic}): one partition, since whichever member
     * of an account's lease group is assigned it is the account's one active poller.
     */
    public NewTopic lease(String vendor) {
        return replicated(TopicBuilder.name(Topics.leaseTopic(vendor)).partitions(1)).build();
    }

    /** {@link #state(String)} with its own number of partitions (one, where a start reads it whole in order). */
    public NewTopic state(String name, int partitions) {
        return replicated(TopicBuilder.name(name).partitions(partitions)).compact().build();
    }

    /**
     * The schema registry's store ({@link Topics#SCHEMAS}): one partition, so that replaying it gives the order of
     * registration, compacted, so that it keeps the last state of every key forever; the broker's default
     * replication. Created by the registry itself at start, as Confluent's registry does.
     */
    public static NewTopic schemas() {
        return TopicBuilder.name(Topics.SCHEMAS).partitions(1).compact().build();
    }

    /** The retry and dead-letter topics of consumer groups on each of their source topics. */
    public KafkaAdmin.NewTopics consumerGroups(Collection<ConsumerGroup> groups) {
        List<NewTopic> topics = new ArrayList<>();
        for (ConsumerGroup group : groups) {
            group.retryTopics().forEach(retry -> topics.add(topic(retry, false, WEEK)));
            group.deadLetterTopics().forEach(dlt -> topics.add(deadLetters(dlt)));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * A dead-letter topic ({@link Topics#deadLetterTopic}), a consumer group's or one a service writes itself (what
     * it could not send): not compacted, kept a month for an operator.
     */
    public NewTopic deadLetters(String topic) {
        return topic(topic, false, DEAD_LETTERS_KEPT.toMillis());
    }

    private NewTopic topic(String name, boolean compacted, long retentionMs) {
        TopicBuilder builder = replicated(TopicBuilder.name(name).partitions(properties.partitions()));
        return compacted ? builder.compact().build()
                : builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)).build();
    }

    /**
     * Every topic: the replication factor, {@code min.insync.replicas} (so that an acks=all acknowledgement, on which a
     * 2xx rests, means that many brokers have the record), and the largest record the producers may send.
     */
    private TopicBuilder replicated(TopicBuilder builder) {
        return builder.replicas(properties.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Short.toString(properties.minInsyncReplicas()))
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(properties.maxRecordSize().toBytes()));
    }
}
