package com.crossdock.paqtana.inventory;

import java.time.Clock;

import com.crossdock.paqtana.PaqtanaProperties;
import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.SentItems;
import com.crossdock.paqtana.view.ViewProgress;
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

/** The master inventory: debounced PUTs, the daily run, and the dead-letter topic of what cannot be sent. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InventoryConfiguration {

    /** The service's name in its dead-letter topic and records ({@code consumer-group} header). */
    static final String SERVICE = "paqtana-publisher";

    /** The pushes Paqtana cannot take: the service's dead letters of its pushes. */
    static String pushDeadLetterTopic() {
        return Topics.deadLetterTopic(Topics.PAQTANA_MASTER_INVENTORY, SERVICE);
    }

    @Bean
    PushDeadLetters pushDeadLetters(RawRecordSender sender) {
        return new MasterInventoryDeadLetters(sender, pushDeadLetterTopic(), SERVICE, Clock.systemUTC());
    }

    @Bean
    MasterInventoryPublisher masterInventoryPublisher(InventoryView view, ViewProgress progress,
            PaqtanaClient client, PushDeadLetters pushDeadLetters, MeterRegistry meters, PaqtanaProperties properties,
            RunFollowUp demandRun, RawRecordSender sender, SentItems sentItems) {
        MasterInventoryPublisher publisher = new MasterInventoryPublisher(view, progress, client, pushDeadLetters,
                meters, new MasterInventoryPublisher.Debounce(properties.debounce(), properties.debounceMaxWait(),
                        properties.pushRetry()), properties.maxUnexplainedDrop(), demandRun,
                new KafkaSentItems(sender, sentItems));
        // once the view has read everything there was at start-up, Paqtana gets the whole of it
        progress.onCaughtUp(publisher::inventoryChanged);
        return publisher;
    }

    @Bean
    NewTopic masterInventoryDeadLetterTopic(TopicDeclarations topics) {
        return topics.deadLetters(pushDeadLetterTopic());
    }

    /** One partition, compacted: its latest record per item is all that counts, read whole at every start. */
    @Bean
    NewTopic masterInventorySentTopic(TopicDeclarations topics) {
        return topics.state(Topics.PAQTANA_MASTER_INVENTORY_SENT, 1);
    }

    /** The daily run (PUT, then the historical demand), in the configured zone; {@code -} disables it. */
    @Bean
    SchedulingConfigurer dailyRun(PaqtanaProperties properties, MasterInventoryPublisher publisher) {
        return registrar -> {
            if (!ScheduledTaskRegistrar.CRON_DISABLED.equals(properties.runCron())) {
                registrar.addCronTask(new CronTask(publisher::runNow,
                        new CronTrigger(properties.runCron(), properties.zone())));
            }
        };
    }
}
