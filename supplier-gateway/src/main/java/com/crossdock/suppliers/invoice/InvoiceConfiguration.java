package com.crossdock.suppliers.invoice;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.PollerDefinition;
import com.crossdock.platform.poller.PollerKitConfiguration;
import com.crossdock.platform.poller.PollerSources;
import com.crossdock.platform.poller.PublishedLimit;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.platform.poller.RawItems;
import com.crossdock.suppliers.GatewayProperties;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.SupplierEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suppliers' invoices on the platform's poller kit (docs/poller-kit.md): one channel per enabled supplier with the
 * {@code invoices} operation (never Elit: it has none), one active poller across instances (the lease of vendor
 * {@code suppliers}), save before the next read, the kit's meters. The kit's budget gauge is of the {@code suppliers}
 * pseudo-vendor and stays 0: each supplier's calls are paced by its own client {@code crossdock.vendors.<name>}.
 */
@Configuration(proxyBeanMethods = false)
@Import(PollerKitConfiguration.class)
public class InvoiceConfiguration {

    /** The poller's name: its lease, admin path and meters; not a supplier. */
    static final String POLLER = "suppliers";
    static final RawItems RAW = new RawItems(Topics.SUPPLIER_INVOICES_RAW, "crossdock.suppliers");

    @Bean
    PollerDefinition pollerDefinition(GatewayProperties properties) {
        return new PollerDefinition(POLLER, "invoices", RAW, new PublishedLimit(1, Duration.ofSeconds(1)),
                properties.feed(), properties.lease(), properties.reconciliation(), properties.timeZone());
    }

    @Bean
    InvoiceLedger invoiceLedger(PublishedRecords published) {
        return new InvoiceLedger(published);
    }

    @Bean
    PollerSources pollerSources(SupplierClients clients, SupplierEvents events, InvoiceLedger ledger,
            GatewayProperties properties, JsonMapper json, Clock clock) {
        List<FeedSource> feeds = clients.all().values().stream()
                .filter(client -> properties.accounts().get(client.name()).has(Operation.INVOICES))
                .<FeedSource>map(client -> new InvoiceFeed(client, events, ledger, RAW, json,
                        properties.receivingLocation(), properties.invoiceLookback(), properties.timeZone(), clock))
                .toList();
        return new PollerSources(feeds, List.of());
    }
}
