package com.crossdock.structure.planted;

import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/** Listeners for PlantedViolationsTest: one as the rules want it, and one of each way to break them. */
public final class PlantedListeners {

    @Bean
    ConsumerGroup goodGroup() {
        return new ConsumerGroup("good", Topics.ORDER_PLACED);
    }

    @Bean
    String notAGroup() {
        return "not a consumer group";
    }

    @KafkaListener(id = "#{@goodGroup.id()}", groupId = "#{@goodGroup.id()}", topics = "#{@goodGroup.listenTopics()}")
    void good(String record) {
    }

    @KafkaListener(groupId = "#{@goodGroup.id()}", topics = "#{@goodGroup.listenTopics()}")
    void goodWithoutAnId(String record) {
    }

    @KafkaListener(id = "literal", groupId = "literal", topics = {Topics.ORDER_PLACED})
    void literalTopics(String record) {
    }

    @KafkaListener(id = "#{@goodGroup.id()}", groupId = "another-group", topics = "#{@goodGroup.listenTopics()}")
    void anotherGroup(String record) {
    }

    @KafkaListener(groupId = "#{@notAGroup.id()}", topics = "#{@notAGroup.listenTopics()}")
    void beanThatIsNoConsumerGroup(String record) {
    }
}
