package com.crossdock.paqtana;

import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.client.WebClientPaqtanaClient;
import com.crossdock.platform.vendor.VendorPolicies;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/** The Paqtana client; the view, inventory and demand wiring live in their packages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaqtanaProperties.class)
class PaqtanaPublisherConfiguration {

    /** The name of Paqtana's call policy: {@code crossdock.vendors.paqtana.*}. */
    static final String VENDOR = "paqtana";

    @Bean
    PaqtanaClient paqtanaClient(PaqtanaProperties properties, VendorPolicies policies) {
        if (properties.token() == null || properties.token().isBlank()) {
            throw new IllegalStateException("crossdock.paqtana.token is not set (environment PAQTANA_TOKEN)");
        }
        WebClient webClient = WebClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token())
                .build();
        return new WebClientPaqtanaClient(webClient, policies.forVendor(VENDOR), properties.organisation(),
                properties.maxRequestBytes().toBytes());
    }
}
