package com.crossdock.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void aGroupsRetryDeadLetterAndParkedTopicsFollowItsSourceTopic() {
        assertThat(Topics.retryTopic(Topics.ORDER_PLACED, "paqtana-publisher"))
                .isEqualTo("crossdock.order-placed.v1.paqtana-publisher.retry");
        assertThat(Topics.deadLetterTopic(Topics.ORDER_PLACED, "paqtana-publisher"))
                .isEqualTo("crossdock.order-placed.v1.paqtana-publisher.dlt");
        assertThat(Topics.parkedTopic(Topics.ORDER_PLACED, "paqtana-publisher"))
                .isEqualTo("crossdock.order-placed.v1.paqtana-publisher.parked");
        assertThat(Topics.sourceTopic("crossdock.order-placed.v1.paqtana-publisher.dlt", "paqtana-publisher"))
                .isEqualTo(Topics.ORDER_PLACED);
        assertThat(Topics.sourceTopic(Topics.ORDER_PLACED, "paqtana-publisher")).isEqualTo(Topics.ORDER_PLACED);
    }

    @Test
    void aWebhookProvidersQuarantineSitsNextToItsRawTopicAndIsReleasedBackToIt() {
        String quarantine = Topics.quarantineTopic(Topics.PRODSMART_WEBHOOK_RAW);

        assertThat(quarantine).isEqualTo("crossdock.prodsmart-webhook-raw.v1.quarantine");
        assertThat(Topics.releaseTopic(quarantine)).contains(Topics.PRODSMART_WEBHOOK_RAW);
        assertThat(Topics.releaseTopic(Topics.PRODSMART_WEBHOOK_RAW)).isEmpty();
        assertThat(Topics.releaseTopic(".quarantine")).isEmpty();
    }

    @Test
    void namesThatAreAlreadyOnBrokersStayTheSame() {
        assertThat(Topics.PRODSMART_CHANGES_RAW).isEqualTo("crossdock.prodsmart-changes-raw.v1");
        assertThat(Topics.OPERATOR_AUDIT).isEqualTo("crossdock.operator-audit.v1");
        assertThat(Topics.leaseTopic("prodsmart")).isEqualTo("crossdock.prodsmart-poller.lease");
        assertThat(Topics.leaseGroup("prodsmart", "acme")).isEqualTo("prodsmart-poller-lease-acme");
        assertThat(Topics.deadLetterTopic(Topics.PAQTANA_MASTER_INVENTORY, "paqtana-publisher"))
                .isEqualTo("crossdock.paqtana.master-inventory.paqtana-publisher.dlt");
    }

    @Test
    void aDeadLetterTopicsNameTellsItsGroup() {
        assertThat(Topics.deadLetterGroup("crossdock.order-placed.v1.paqtana-publisher.dlt")).contains("paqtana-publisher");
        assertThat(Topics.deadLetterGroup("crossdock.paqtana.master-inventory.paqtana-publisher.dlt"))
                .as("a push's dead letters, whose source has no version").contains("paqtana-publisher");
        assertThat(Topics.deadLetterGroup("crossdock.e2e-1a2b.v1.grp.with.dots.dlt"))
                .as("a versioned topic outside the registry").contains("grp.with.dots");
        assertThat(Topics.deadLetterGroup("somebody.elses.dlt")).isEmpty();
        assertThat(Topics.deadLetterGroup(Topics.ORDER_PLACED)).isEmpty();
        assertThat(Topics.isDeadLetterTopicOf("crossdock.order-placed.v1.paqtana-publisher.dlt", "paqtana-publisher")).isTrue();
        assertThat(Topics.isDeadLetterTopicOf("crossdock.order-placed.v1.paqtana-publisher.dlt", "publisher")).isFalse();
    }

    @Test
    void aConsumerGroupListensOnItsSourcesAndTheirRetryTopics() {
        ConsumerGroup group = new ConsumerGroup("g", Topics.STOCK_CHANGED, Topics.ORDER_PLACED);

        assertThat(group.listenTopics()).containsExactly(Topics.STOCK_CHANGED, Topics.ORDER_PLACED,
                "crossdock.stock-changed.v1.g.retry", "crossdock.order-placed.v1.g.retry");
        assertThat(group.deadLetterTopics()).containsExactly("crossdock.stock-changed.v1.g.dlt",
                "crossdock.order-placed.v1.g.dlt");
        assertThat(group.deadLetterTopic(Topics.ORDER_PLACED)).isEqualTo("crossdock.order-placed.v1.g.dlt");
        assertThatThrownBy(() -> group.retryTopic(Topics.ARTICLE_UPSERTED)).hasMessageContaining("does not consume");
        assertThatThrownBy(() -> new ConsumerGroup("g")).hasMessageContaining("no source topic");
    }
}
