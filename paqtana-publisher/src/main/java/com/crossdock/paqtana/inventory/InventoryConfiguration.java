package com.crossdock.paqtana.inventory;

import java.time.Clock;

import com.crossdock.paqtana.PaqtanaProperties;
import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/** The master inventory: debounced and daily PUTs, and the dead-letter topic of one that cannot be sent. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InventoryConfiguration {

    @Bean
    MasterInventoryPublisher masterInventoryPublisher(InventoryView view, ViewProgress progress,
            PaqtanaClient client, RawRecordSender sender, MeterRegistry meters, PaqtanaProperties properties,
            ConsumerGroup paqtanaPublisherGroup) {
        MasterInventoryDeadLetters deadLetters = new MasterInventoryDeadLetters(sender,
                masterInventoryDeadLetters(paqtanaPublisherGroup), paqtanaPublisherGroup.id(), Clock.systemUTC());
        MasterInventoryPublisher publisher = new MasterInventoryPublisher(view, progress, client, deadLetters, meters,
                new MasterInventoryPublisher.Debounce(properties.debounce(), properties.debounceMaxWait(),
                        properties.pushRetry()));
        // once the view has read everything there was at start-up, Paqtana gets the whole of it
        progress.onCaughtUp(publisher::inventoryChanged);
        return publisher;
    }

    /** The master inventories Paqtana cannot take: the service's dead letters of the push, beside its group's. */
    static String masterInventoryDeadLetters(ConsumerGroup group) {
        return Topics.deadLetterTopic(Topics.PAQTANA_MASTER_INVENTORY, group.id());
    }

    @Bean
    NewTopic masterInventoryDeadLetterTopic(TopicDeclarations topics, ConsumerGroup paqtanaPublisherGroup) {
        return topics.deadLetters(masterInventoryDeadLetters(paqtanaPublisherGroup));
    }

    /** The daily full push, in the configured zone; {@code -} disables it. */
    @Bean
    SchedulingConfigurer dailyMasterInventoryPush(PaqtanaProperties properties, MasterInventoryPublisher publisher) {
        return registrar -> {
            if (!ScheduledTaskRegistrar.CRON_DISABLED.equals(properties.fullPushCron())) {
                registrar.addCronTask(new CronTask(publisher::pushNow,
                        new CronTrigger(properties.fullPushCron(), properties.zone())));
            }
        };
    }
}
