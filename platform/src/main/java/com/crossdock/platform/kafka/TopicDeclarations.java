package com.crossdock.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Topics a service needs, created at start-up by Spring's KafkaAdmin when they do not exist yet: the canonical
 * topics, and the retry and dead-letter topics of every {@link ConsumerGroup} bean (the platform's
 * auto-configuration declares both).
 */
public final class TopicDeclarations {

    private static final long DAY = 24L * 3600 * 1000;
    private static final long WEEK = 7 * DAY;

    private final CrossdockKafkaProperties properties;

    public TopicDeclarations(CrossdockKafkaProperties properties) {
        this.properties = properties;
    }

    /** The canonical topics: master data and full-state topics are compacted; deltas and raw input are not. */
    public KafkaAdmin.NewTopics canonical() {
        return new KafkaAdmin.NewTopics(
                topic(Topics.STOCK_CHANGED, false, WEEK),
                topic(Topics.PRODUCTION_ORDER_CHANGED, true, WEEK),
                topic(Topics.ORDER_PLACED, true, WEEK),
                topic(Topics.ARTICLE_UPSERTED, true, WEEK),
                topic(Topics.PRODSMART_WEBHOOK_RAW, false, WEEK));
    }

    /** Raw input topics (such as a webhook provider's): not compacted, kept a week like the canonical ones. */
    public KafkaAdmin.NewTopics raw(Collection<String> topics) {
        return new KafkaAdmin.NewTopics(topics.stream().map(raw -> topic(raw, false, WEEK)).toArray(NewTopic[]::new));
    }

    /** The retry and dead-letter topics of consumer groups on each of their source topics. */
    public KafkaAdmin.NewTopics consumerGroups(Collection<ConsumerGroup> groups) {
        List<NewTopic> topics = new ArrayList<>();
        for (ConsumerGroup group : groups) {
            group.retryTopics().forEach(retry -> topics.add(topic(retry, false, WEEK)));
            // dead letters wait for an operator: keep them a month
            group.deadLetterTopics().forEach(dlt -> topics.add(topic(dlt, false, 30 * DAY)));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** As {@link #consumerGroups}, for one group. */
    public KafkaAdmin.NewTopics consumerGroup(ConsumerGroup group) {
        return consumerGroups(List.of(group));
    }

    private NewTopic topic(String name, boolean compacted, long retentionMs) {
        TopicBuilder builder = TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor());
        return compacted ? builder.compact().build()
                : builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)).build();
    }
}
