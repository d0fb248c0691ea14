package com.crossdock.paqtana;

import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.client.WebClientPaqtanaClient;
import com.crossdock.platform.vendor.client.VendorClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Paqtana client; the view, inventory and demand wiring live in their packages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaqtanaProperties.class)
class PaqtanaPublisherConfiguration {

    /** Paqtana's client and call policy: {@code crossdock.vendors.paqtana.*}. */
    static final String VENDOR = "paqtana";

    @Bean
    PaqtanaClient paqtanaClient(PaqtanaProperties properties, VendorClients clients) {
        return new WebClientPaqtanaClient(clients.client(VENDOR), properties.organisation(),
                properties.maxRequestBytes().toBytes());
    }
}
