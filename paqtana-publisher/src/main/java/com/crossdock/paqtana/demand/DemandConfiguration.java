package com.crossdock.paqtana.demand;

import com.crossdock.paqtana.PaqtanaProperties;
import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.inventory.PushDeadLetters;
import com.crossdock.paqtana.view.InventoryView;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sales demand → Paqtana's historical demand, sent by the daily run after its master-inventory PUT. */
@Configuration(proxyBeanMethods = false)
class DemandConfiguration {

    @Bean
    HistoricalDemandPublisher historicalDemandPublisher(InventoryView view, PaqtanaClient client,
            PaqtanaProperties properties, PushDeadLetters pushDeadLetters, MeterRegistry meters) {
        return new HistoricalDemandPublisher(view, client,
                new DemandChunker(properties.demandRequestBytes().toBytes()), pushDeadLetters, meters);
    }
}
