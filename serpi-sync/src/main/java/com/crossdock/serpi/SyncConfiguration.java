package com.crossdock.serpi;

import java.time.Clock;
import java.util.List;

import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PollerBudget;
import com.crossdock.platform.poller.PollerDefinition;
import com.crossdock.platform.poller.PollerKitConfiguration;
import com.crossdock.platform.poller.PollerSources;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import com.crossdock.vendor.serpi.SerpiEventMapper;
import com.crossdock.vendor.serpi.SerpiMapping;
import com.crossdock.vendor.serpi.SerpiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * serpi-sync on the platform's kits: the poller kit reads SERPI (lease, cadence, save-before-next-read, the full
 * pass as its reconciliation), the vendor client kit calls it ({@code crossdock.vendors.serpi}: one client, one
 * bulkhead of one, for the reads and the writes alike), and a listener on its own consumer group writes to it.
 */
@Configuration(proxyBeanMethods = false)
@Import(PollerKitConfiguration.class)
@EnableConfigurationProperties({SerpiProperties.class, SerpiMapping.class, ProdsmartProperties.class})
class SyncConfiguration {

    /** The vendor name: {@code crossdock.vendors.serpi.*} is the client and policy of every call of this service. */
    static final String VENDOR = "serpi";

    @Bean
    PollerDefinition pollerDefinition(SyncProperties properties, SerpiProperties company, ProdsmartProperties prodsmart) {
        // one stock source per location: Prodsmart's stock is at crossdock.prodsmart.location
        company.requireNoWarehouseAt(prodsmart.location(), "Prodsmart (crossdock.prodsmart.location)");
        return new PollerDefinition(VENDOR, company.company(), SerpiReads.RAW, properties.limit(), properties.feed(),
                properties.lease(), properties.reconciliation(), company.timeZone());
    }

    /** Every SERPI call of the service: polling, balances, the catalog and the writes share this one client. */
    @Bean
    SerpiClient serpiClient(PollerBudget budget, JsonMapper json) {
        return new SerpiClient(budget.feed(), json);
    }

    @Bean
    KnownArticles knownArticles(PublishedRecords published, EventCodec codec) {
        return new KnownArticles(published, codec);
    }

    @Bean
    KnownLevels knownLevels(PublishedRecords published, EventCodec codec, SerpiProperties company) {
        return new KnownLevels(published, codec, company);
    }

    @Bean
    SerpiCatalog serpiCatalog() {
        return new SerpiCatalog();
    }

    @Bean
    MappingTables mappingTables(Environment environment) {
        return new MappingTables(environment);
    }

    @Bean
    SerpiEventMapper serpiEventMapper(Envelopes envelopes, SerpiProperties company, SerpiMapping mapping) {
        return new SerpiEventMapper(envelopes, company, mapping);
    }

    @Bean
    SerpiReads serpiReads(SerpiEventMapper mapper, KnownArticles known, SerpiCatalog catalog, JsonMapper json,
            MeterRegistry meters) {
        return new SerpiReads(mapper, known, catalog, json, meters);
    }

    @Bean
    PollerSources pollerSources(SerpiClient client, SerpiReads reads, KnownArticles known, KnownLevels levels,
            SerpiCatalog catalog, SerpiEventMapper mapper, SyncProperties properties, SerpiProperties company,
            Clock clock) {
        return new PollerSources(
                List.of(new ArticleFeed(client, reads, known, catalog, properties, company.timeZone(), clock),
                        new StockFeed(client, reads, levels, properties, company.timeZone(), clock)),
                new FullPass(client, reads, known, catalog, mapper, properties, company.company(), clock).passes());
    }

    /** The writer's group: {@code crossdock.article-upserted.v1.serpi-sync-writer.retry} and {@code .dlt}. */
    @Bean
    ConsumerGroup serpiWriterGroup() {
        return new ConsumerGroup("serpi-sync-writer", Topics.ARTICLE_UPSERTED);
    }
}
