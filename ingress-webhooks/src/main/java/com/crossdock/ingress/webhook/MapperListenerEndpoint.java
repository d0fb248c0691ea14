package com.crossdock.ingress.webhook;

import java.util.Collection;
import java.util.regex.Pattern;

import com.crossdock.platform.kafka.ConsumerGroup;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * A mapper stage's listener, registered by the kit for each provider. What a {@code @KafkaListener} in this
 * project must say (the structure test's rule), it takes from the provider's {@link ConsumerGroup} bean by
 * construction: its id and group are the group's id, its topics the group's {@code listenTopics()} (the raw
 * topic and its retry topic). Batch, in the platform's container factory (its error handler, its auto-startup).
 */
final class MapperListenerEndpoint implements KafkaListenerEndpoint {

    private final ConsumerGroup group;
    private final BatchMessageListener<byte[], byte[]> listener;

    MapperListenerEndpoint(ConsumerGroup group, WebhookMapperStage stage) {
        this.group = group;
        this.listener = stage::onRawWebhooks;
    }

    @Override
    public String getId() {
        return group.id();
    }

    @Override
    public String getGroupId() {
        return group.id();
    }

    @Override
    public String getGroup() {
        return null;
    }

    @Override
    public Collection<String> getTopics() {
        return group.listenTopics();
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
        return new TopicPartitionOffset[0];
    }

    @Override
    public Pattern getTopicPattern() {
        return null;
    }

    @Override
    public String getClientIdPrefix() {
        return null;
    }

    @Override
    public Integer getConcurrency() {
        return null;
    }

    @Override
    public Boolean getAutoStartup() {
        return null;
    }

    @Override
    public Boolean getBatchListener() {
        return Boolean.TRUE;
    }

    @Override
    public void setupListenerContainer(MessageListenerContainer container, MessageConverter converter) {
        container.setupMessageListener(listener);
    }

    @Override
    public boolean isSplitIterables() {
        return true;
    }

    @Override
    public String getAckMode() {
        return null;
    }
}
