package com.crossdock.paqtana.demand;

import com.crossdock.paqtana.PaqtanaProperties;
import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Sales demand → Paqtana's historical demand. */
@Configuration(proxyBeanMethods = false)
class DemandConfiguration {

    /**
     * The demand listener's consumer group, declared once: the platform creates its retry and dead-letter topics on
     * the order topic, and {@link OrderPlacedListener} takes its id and topics from this bean.
     */
    @Bean
    ConsumerGroup paqtanaPublisherGroup() {
        return new ConsumerGroup("paqtana-publisher", Topics.ORDER_PLACED);
    }

    @Bean
    HistoricalDemandPublisher historicalDemandPublisher(InventoryView view, PaqtanaClient client,
            PaqtanaProperties properties, MeterRegistry meters) {
        return new HistoricalDemandPublisher(view, client,
                new DemandChunker(properties.demandRequestBytes().toBytes()), meters);
    }

    @Bean
    OrderPlacedListener orderPlacedListener(EventCodec codec, InventoryView view, ViewProgress progress,
            HistoricalDemandPublisher publisher, PaqtanaProperties properties, KafkaListenerEndpointRegistry registry,
            ConsumerGroup paqtanaPublisherGroup) {
        // totals need every order: the listener starts once the view has read all there was at start-up
        progress.onCaughtUp(() -> {
            MessageListenerContainer container = registry.getListenerContainer(paqtanaPublisherGroup.id());
            if (container != null && !container.isRunning()) {
                container.start();
            }
        });
        return new OrderPlacedListener(codec, view, progress, publisher, properties.viewWaitTimeout());
    }
}
