package com.crossdock.platform.vendor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes {@link VendorPolicies} bound to {@code crossdock.vendors.*} and to the service's MeterRegistry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VendorsProperties.class)
public class VendorPolicyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    VendorPolicies vendorPolicies(VendorsProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<Clock> clock) {
        return new VendorPolicies(properties, meterRegistry.getIfAvailable(() -> Metrics.globalRegistry),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
