package com.crossdock.vendor.prodsmart;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ProdsmartPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsToUtcAndTheDefaultCompany() {
        context.run(started -> {
            ProdsmartProperties properties = started.getBean(ProdsmartProperties.class);

            assertThat(properties.timeZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(properties.company()).isEqualTo("default");
            assertThat(properties.location()).isEmpty();
            assertThat(properties.dates().companyZone()).isEqualTo(ZoneId.of("UTC"));
        });
    }

    @Test
    void readsTheCompanysSettingsFromTheirEnvironmentVariables() {
        Map<String, Object> environment = Map.of("CROSSDOCK_PRODSMART_TIME_ZONE", "Europe/Lisbon",
                "CROSSDOCK_PRODSMART_COMPANY", "acme", "CROSSDOCK_PRODSMART_LOCATION", "PLANT-1");

        context.withInitializer(started -> started.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(started -> {
                    ProdsmartProperties properties = started.getBean(ProdsmartProperties.class);

                    assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
                    assertThat(properties.company()).isEqualTo("acme");
                    assertThat(properties.location()).isEqualTo("PLANT-1");
                });
    }

    @Test
    void refusesAnUnknownZoneOrABlankCompany() {
        context.withPropertyValues("crossdock.prodsmart.time-zone=Mars/Olympus")
                .run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("crossdock.prodsmart.company= ")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("CROSSDOCK_PRODSMART_COMPANY"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ProdsmartProperties.class)
    static class PropertiesOnly {
    }
}
