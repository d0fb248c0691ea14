package com.crossdock.poller;

import java.time.Clock;

import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.PollerBudget;
import com.crossdock.platform.poller.PollerDefinition;
import com.crossdock.platform.poller.PollerKitConfiguration;
import com.crossdock.platform.poller.PollerSources;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The poller of one Prodsmart company, on the platform's poller kit (docs/poller-kit.md): the kit runs the lease,
 * the budget, the feed loop, the batch writer and spool, reconciliation and the meters; this module says what
 * Prodsmart is (its channels, its pages, its mapping from the vendor library for the company of
 * {@link ProdsmartProperties}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PollerKitConfiguration.class)
@EnableConfigurationProperties(ProdsmartProperties.class)
class PollerConfiguration {

    /** The vendor name: {@code crossdock.vendors.prodsmart.*} is the client and policy of every call of this service. */
    static final String VENDOR = "prodsmart";

    @Bean
    PollerDefinition pollerDefinition(PollerProperties properties, ProdsmartProperties company) {
        properties.validate();
        return new PollerDefinition(VENDOR, company.company(), ItemRouter.RAW,
                properties.limit(), properties.feed(), properties.lease(), properties.reconciliation(),
                company.timeZone());
    }

    @Bean
    ItemRouter itemRouter(Envelopes envelopes, ProdsmartProperties company) {
        return new ItemRouter(new ProdsmartEventMapper(envelopes, company));
    }

    @Bean
    PollerSources pollerSources(PollerBudget budget, ItemRouter router, Removals removals, PollerProperties properties,
            JsonMapper json, Clock clock) {
        // a feed read is destructive: never repeated once it may have been served
        ProdsmartClient feed = new ProdsmartClient(budget.destructiveFeed());
        return new PollerSources(
                properties.channels().stream()
                        .<FeedSource>map(channel -> new ChannelFeed(channel, feed, router, json)).toList(),
                // reconciliation's calls take its share of the budget (crossdock.vendors.prodsmart.shares.reconciliation)
                new ProdsmartReconciliation(new ProdsmartClient(budget.reconciliation()), router, removals, json, clock)
                        .passes());
    }

    @Bean
    Removals removals(PublishedRecords published, EventCodec codec, Envelopes envelopes, ProdsmartProperties company,
            Clock clock) {
        return new Removals(published, codec, envelopes, company.company(), clock);
    }
}
