package com.crossdock.platform.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VendorPoliciesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(VendorPolicyConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void bindsVendorSettingsFromCrossdockVendorsKeys() {
        VendorsProperties properties = Policies.properties(
                "prodsmart.rate-limit-permits=120", "prodsmart.retry.max-attempts=5", "prodsmart.timeout=10s",
                "prodsmart.retry.jitter=0.3", "prodsmart.max-retry-after=5m",
                "serpi.max-concurrent-calls=1", "serpi.bulkhead-max-wait=2m",
                "paqtana.circuit-breaker.wait-in-open-state=45s", "paqtana.circuit-breaker.sliding-window-size=40");

        VendorProperties prodsmart = properties.forVendor("prodsmart");
        assertThat(prodsmart.rateLimitPermits()).isEqualTo(120);
        assertThat(prodsmart.rateLimitPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(prodsmart.retry().maxAttempts()).isEqualTo(5);
        assertThat(prodsmart.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(prodsmart.retry().jitter()).isEqualTo(0.3);
        assertThat(prodsmart.retry().initialInterval()).as("the rest of retry is the default").isEqualTo(Duration.ofMillis(500));
        assertThat(prodsmart.maxRetryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.forVendor("serpi").maxConcurrentCalls()).isEqualTo(1);
        assertThat(properties.forVendor("serpi").bulkheadMaxWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.forVendor("paqtana").circuitBreaker().waitInOpenState()).isEqualTo(Duration.ofSeconds(45));
        assertThat(properties.forVendor("paqtana").circuitBreaker().slidingWindowSize()).isEqualTo(40);
        assertThat(properties.forVendor("paqtana").circuitBreaker().minimumNumberOfCalls()).isEqualTo(10);
    }

    @Test
    void givesVendorWithoutEntryTheDefaults() {
        VendorProperties unknown = Policies.properties("serpi.max-concurrent-calls=1").forVendor("omega");

        assertThat(unknown).isEqualTo(VendorProperties.defaults());
        assertThat(unknown.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(unknown.retry().maxAttempts()).isEqualTo(3);
        assertThat(unknown.rateLimited()).isFalse();
        assertThat(unknown.bulkheaded()).isFalse();
        assertThat(unknown.bulkheadMaxWait()).isEqualTo(unknown.timeout());
    }

    @Test
    void sharesOnePolicyPerVendorName() {
        VendorPolicies policies = Policies.of(new SimpleMeterRegistry());

        assertThat(policies.forVendor("baselinker")).isSameAs(policies.forVendor("baselinker"))
                .isNotSameAs(policies.forVendor("optimakers"));
    }

    @Test
    void configurationBuildsConfiguredPoliciesWithTheirMeters() {
        context.withPropertyValues("crossdock.vendors.serpi.max-concurrent-calls=1",
                        "crossdock.vendors.prodsmart.rate-limit-permits=120")
                .run(started -> {
                    MeterRegistry meters = started.getBean(MeterRegistry.class);
                    assertThat(started.getBean(VendorPolicies.class).forVendor("serpi").name()).isEqualTo("serpi");
                    assertThat(meters.get(VendorMetrics.BULKHEAD_MAX).tag("vendor", "serpi")
                            .gauge().value()).isEqualTo(1.0);
                    assertThat(meters.get("resilience4j.ratelimiter.available.permissions").tag("name", "prodsmart")
                            .gauge().value()).isEqualTo(120.0);
                });
    }

    @Test
    void refusesToStartWithAnImpossibleSetting() {
        context.withPropertyValues("crossdock.vendors.acme.retry.jitter=1.5")
                .run(started -> assertThat(started).hasFailed());
    }
}
