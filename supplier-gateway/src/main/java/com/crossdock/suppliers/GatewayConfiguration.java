package com.crossdock.suppliers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.suppliers.order.OrderKeys;
import com.crossdock.suppliers.order.OrderService;
import com.crossdock.suppliers.quote.QuoteService;
import com.crossdock.vendor.suppliers.SupplierEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's wiring: the suppliers' adapters, quotes, orders with their keys, the BusMarket key gauge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    @Bean
    SupplierClients supplierClients(GatewayProperties properties, VendorClients vendors, Clock clock) {
        return new SupplierClients(properties, vendors, clock);
    }

    @Bean
    SupplierEvents supplierEvents(Envelopes envelopes) {
        return new SupplierEvents(envelopes);
    }

    @Bean
    QuoteService quoteService(SupplierClients clients, GatewayProperties properties) {
        return new QuoteService(clients, properties);
    }

    @Bean
    OrderKeys orderKeys(PublishedRecords published, RawRecordSender sender, JsonMapper json) {
        return new OrderKeys(published, sender, json);
    }

    /** The keys are read back as soon as the service is up; an order that comes sooner waits for them. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> orderKeysReadBack(OrderKeys keys) {
        return ready -> keys.ready().subscribe();
    }

    @Bean
    OrderService orderService(OrderKeys keys, SupplierEvents events, EventPublisher publisher,
            GatewayProperties properties, JsonMapper json, Clock clock) {
        return new OrderService(keys, events, publisher, properties, json, clock);
    }

    /** One partition, compacted: the latest outcome of every key, read whole at every start. */
    @Bean
    NewTopic supplierOrderKeysTopic(TopicDeclarations topics) {
        return topics.state(Topics.SUPPLIER_ORDER_KEYS, 1);
    }

    /** A gauge of days left for each supplier whose key has an issue date (BusMarket's keys live a year). */
    @Bean
    List<KeyExpiry> keyExpiries(GatewayProperties properties, Clock clock, MeterRegistry registry) {
        List<KeyExpiry> expiries = new ArrayList<>();
        properties.enabled().forEach((name, account) -> {
            if (account.keyIssuedOn() != null) {
                expiries.add(new KeyExpiry(name, account.keyIssuedOn(), account.keyWarnBefore(), clock, registry));
            }
        });
        return expiries;
    }
}
