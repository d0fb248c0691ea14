package com.crossdock.paqtana.view;

import java.util.List;

import com.crossdock.paqtana.PaqtanaProperties;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The in-memory inventory view, its loader from Kafka and its readiness. */
@Configuration(proxyBeanMethods = false)
class ViewConfiguration {

    /**
     * What the loader reads: the canonical topics (OrderPlaced gives the open and the historical demand), and the
     * items Paqtana last received.
     */
    static final List<String> LOADED_TOPICS = List.of(Topics.ARTICLE_UPSERTED, Topics.STOCK_CHANGED,
            Topics.PRODUCTION_ORDER_CHANGED, Topics.ORDER_PLACED, Topics.PAQTANA_MASTER_INVENTORY_SENT);

    @Bean
    ViewRules viewRules(PaqtanaProperties properties) {
        return new ViewRules(properties.defaultLocation(), properties.defaultWorkspace(), properties.workspaces(),
                properties.zone(), properties.closedOrderStatuses(), properties.movementDedupeRetention(),
                properties.demandRetention());
    }

    @Bean
    SentItems sentItems() {
        return new SentItems();
    }

    @Bean
    InventoryView inventoryView(ViewRules rules) {
        return new InventoryView(rules);
    }

    @Bean
    ViewProgress viewProgress(MeterRegistry meters, PaqtanaProperties properties) {
        ViewProgress progress = new ViewProgress(properties.skippedRecordsAllowed());
        Gauge.builder("crossdock.paqtana.view.catch_up_lag", progress, ViewProgress::lag)
                .description("records the inventory view still has to read to reach the start-up end offsets")
                .register(meters);
        Gauge.builder("crossdock.paqtana.view.complete", progress, p -> p.complete() ? 1 : 0)
                .description("1 once the view is caught up with no record left out (beyond skipped-records-allowed): "
                        + "only then is the master inventory PUT")
                .register(meters);
        return progress;
    }

    @Bean
    InventoryViewLoader inventoryViewLoader(KafkaProperties kafka, KafkaAdmin admin, InventoryView view,
            EventCodec codec, ViewProgress progress, InventoryChangeListener listener, MeterRegistry meters,
            PaqtanaProperties properties, SentItems sentItems) {
        ViewRecords records = new ViewRecords(view, codec, progress, listener, meters, sentItems);
        return new InventoryViewLoader(kafka.buildConsumerProperties(), admin.getConfigurationProperties(),
                LOADED_TOPICS, records, progress, properties.schemaUnavailableRetry());
    }

    /** Contributor name {@code paqtanaView}, in the readiness group (paqtana-publisher.yml). */
    @Bean
    ViewHealthIndicator paqtanaViewHealthIndicator(ViewProgress progress) {
        return new ViewHealthIndicator(progress);
    }
}
