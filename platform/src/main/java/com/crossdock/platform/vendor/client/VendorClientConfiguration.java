package com.crossdock.platform.vendor.client;

import java.time.Clock;

import com.crossdock.platform.vendor.VendorPolicies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Exposes {@link VendorClients} on Boot's auto-configured {@link WebClient.Builder} and the service's JsonMapper. */
@Configuration(proxyBeanMethods = false)
public class VendorClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    VendorClients vendorClients(VendorPolicies policies, ObjectProvider<WebClient.Builder> builder,
            ObjectProvider<JsonMapper> json, ObjectProvider<MeterRegistry> registry, ObjectProvider<Clock> clock) {
        return new VendorClients(policies, builder.getIfAvailable(WebClient::builder),
                json.getIfAvailable(JsonMapper::new), registry.getIfAvailable(() -> Metrics.globalRegistry),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
