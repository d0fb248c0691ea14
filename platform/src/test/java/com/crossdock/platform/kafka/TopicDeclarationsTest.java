package com.crossdock.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.util.ReflectionTestUtils;

class TopicDeclarationsTest {

    private static final String MONTH = Long.toString(30L * 24 * 3600 * 1000);
    private static final String WEEK = Long.toString(7L * 24 * 3600 * 1000);

    private final TopicDeclarations topics = new TopicDeclarations(
            new CrossdockKafkaProperties(6, (short) 3, null, null, null, Object.class));

    @Test
    void theCanonicalTopicsLeaveRawTopicsToTheKitThatWritesThem() {
        assertThat(names(topics.canonical())).containsExactly(Topics.STOCK_CHANGED, Topics.PRODUCTION_ORDER_CHANGED,
                Topics.ORDER_PLACED, Topics.ARTICLE_UPSERTED, Topics.ORDER_FULFILLED, Topics.SUPPLIER_INVOICE_RECEIVED);
        assertThat(topics(topics.raw(List.of(Topics.PRODSMART_WEBHOOK_RAW)))).singleElement().satisfies(raw -> {
            assertThat(raw.name()).isEqualTo(Topics.PRODSMART_WEBHOOK_RAW);
            assertThat(raw.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, WEEK);
            assertThat(raw.numPartitions()).isEqualTo(6);
        });
    }

    @Test
    void aServicesStateTopicIsCompacted() {
        NewTopic state = topics.state(Topics.OPTIMAKERS_ORDER_LINKS);

        assertThat(state.name()).isEqualTo(Topics.OPTIMAKERS_ORDER_LINKS);
        assertThat(state.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void aLeaseTopicHasOnePartition() {
        NewTopic lease = topics.lease("acme");

        assertThat(lease.name()).isEqualTo(Topics.leaseTopic("acme"));
        assertThat(lease.numPartitions()).isEqualTo(1);
        assertThat(lease.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void deadLettersAreKeptAMonthWhoeverWritesThem() {
        String pushDeadLetters = Topics.deadLetterTopic(Topics.PAQTANA_MASTER_INVENTORY, "paqtana-publisher");
        ConsumerGroup group = new ConsumerGroup("acme-group", Topics.ORDER_PLACED);

        assertThat(topics.deadLetters(pushDeadLetters).configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, MONTH);
        assertThat(topics(topics.consumerGroups(List.of(group))))
                .filteredOn(topic -> topic.name().equals(group.deadLetterTopic(Topics.ORDER_PLACED)))
                .singleElement().satisfies(dlt -> assertThat(dlt.configs())
                        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, MONTH));
    }

    @Test
    void everyDeclaredTopicNeedsTwoInSyncReplicasOfThreeAndTakesTheProducersLargestRecord() {
        List<NewTopic> declared = new java.util.ArrayList<>();
        declared.addAll(topics(topics.canonical()));
        declared.addAll(topics(topics.raw(List.of(Topics.PRODSMART_WEBHOOK_RAW))));
        declared.addAll(topics(topics.consumerGroups(List.of(new ConsumerGroup("acme-group", Topics.ORDER_PLACED)))));
        declared.add(topics.lease("acme"));
        declared.add(topics.deadLetters("acme.dlt"));
        declared.add(topics.state("acme-links", 1));

        assertThat(declared).hasSizeGreaterThan(8).allSatisfy(topic -> assertThat(topic.configs())
                .as(topic.name())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")
                .containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(2L * 1024 * 1024)));
    }

    @Test
    void minInSyncReplicasFollowTheReplicationFactorUnlessSet() {
        assertThat(new CrossdockKafkaProperties(1, (short) 1, null, null, null, Object.class).minInsyncReplicas())
                .isEqualTo((short) 1);
        assertThat(new CrossdockKafkaProperties(1, (short) 2, null, null, null, Object.class).minInsyncReplicas())
                .isEqualTo((short) 1);
        assertThat(new CrossdockKafkaProperties(1, (short) 5, (short) 3, null, null, Object.class).minInsyncReplicas())
                .isEqualTo((short) 3);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new CrossdockKafkaProperties(1, (short) 1, (short) 2, null, null, Object.class))
                .withMessageContaining("crossdock.kafka.min-insync-replicas");
    }

    @SuppressWarnings("unchecked")
    private static Collection<NewTopic> topics(KafkaAdmin.NewTopics declared) {
        return (Collection<NewTopic>) ReflectionTestUtils.getField(declared, "newTopics");
    }

    private static List<String> names(KafkaAdmin.NewTopics declared) {
        return topics(declared).stream().map(NewTopic::name).toList();
    }
}
