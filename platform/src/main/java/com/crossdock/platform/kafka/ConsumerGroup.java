package com.crossdock.platform.kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * One consumer group, declared once as a bean: the platform creates its retry and dead-letter topics on each
 * source topic ({@link TopicDeclarations#consumerGroups}), and its listener takes its id and topics from the same
 * bean, so what is created and what is listened on cannot drift apart:
 *
 * <pre>{@code
 * @Bean
 * ConsumerGroup ingressMapperGroup() {
 *     return new ConsumerGroup("ingress-mapper", Topics.PRODSMART_WEBHOOK_RAW);
 * }
 *
 * @KafkaListener(id = "#{@ingressMapperGroup.id()}", groupId = "#{@ingressMapperGroup.id()}",
 *         topics = "#{@ingressMapperGroup.listenTopics()}")
 * }</pre>
 *
 * @param id           the group id, also the listener's id and the {@code <group>} of its topics' names
 * @param sourceTopics the topics the group consumes
 */
public record ConsumerGroup(String id, List<String> sourceTopics) {

    public ConsumerGroup {
        if (id == null || id.isBlank() || id.contains(" ")) {
            throw new IllegalArgumentException("a consumer group needs an id without spaces, not '" + id + "'");
        }
        if (sourceTopics == null || sourceTopics.isEmpty()) {
            throw new IllegalArgumentException("consumer group " + id + " names no source topic");
        }
        sourceTopics = List.copyOf(sourceTopics);
    }

    public ConsumerGroup(String id, String... sourceTopics) {
        this(id, List.of(sourceTopics));
    }

    /** What the group's listener subscribes to: its sources, then the retry topic of each. */
    public List<String> listenTopics() {
        List<String> topics = new ArrayList<>(sourceTopics);
        topics.addAll(retryTopics());
        return List.copyOf(topics);
    }

    public List<String> retryTopics() {
        return sourceTopics.stream().map(this::retryTopic).toList();
    }

    public List<String> deadLetterTopics() {
        return sourceTopics.stream().map(this::deadLetterTopic).toList();
    }

    public String retryTopic(String sourceTopic) {
        return Topics.retryTopic(requireSource(sourceTopic), id);
    }

    public String deadLetterTopic(String sourceTopic) {
        return Topics.deadLetterTopic(requireSource(sourceTopic), id);
    }

    private String requireSource(String sourceTopic) {
        if (!sourceTopics.contains(sourceTopic)) {
            throw new IllegalArgumentException("consumer group " + id + " does not consume " + sourceTopic
                    + " (its sources: " + sourceTopics + ")");
        }
        return sourceTopic;
    }
}
