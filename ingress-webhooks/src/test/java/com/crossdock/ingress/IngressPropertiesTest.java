package com.crossdock.ingress;

import java.time.Duration;
import java.util.Map;

import com.crossdock.ingress.prodsmart.SignatureEncoding;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class IngressPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void refusesToStartWithoutWebhookSecretAndSaysWhatToSet() {
        context.run(started -> assertThat(started).getFailure()
                .rootCause().hasMessageContaining("CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET"));
    }

    @Test
    void readsTheSecretFromTheEnvironmentVariableTheReadmeNames() {
        Map<String, Object> environment = Map.of("CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET", "from-env");

        context.withInitializer(started -> started.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(started -> assertThat(started.getBean(IngressProperties.class).prodsmart().webhookSecret())
                        .isEqualTo("from-env"));
    }

    @Test
    void refusesADedupeWindowShorterThanADay() {
        context.withPropertyValues("crossdock.ingress.prodsmart.webhook-secret=s", "crossdock.ingress.dedupe.window=23h")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("at least 24h"));
    }

    @Test
    void hasTheDocumentedDefaultsAndNeverPrintsTheSecret() {
        context.withPropertyValues("crossdock.ingress.prodsmart.webhook-secret=very-secret").run(started -> {
            IngressProperties properties = started.getBean(IngressProperties.class);

            assertThat(properties.maxBodyBytes().toBytes()).isEqualTo(1024 * 1024);
            assertThat(properties.kafkaAckTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.dedupe().window()).isEqualTo(Duration.ofHours(25));
            assertThat(properties.prodsmart().maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.prodsmart().signatureHeaders()).extracting(h -> h.name())
                    .containsExactly("x-prodsmart-hmac-sha256", "x-prodsmart-hmac-sha1");
            assertThat(properties.prodsmart().signatureEncodings())
                    .containsExactlyInAnyOrder(SignatureEncoding.HEX, SignatureEncoding.BASE64);
            assertThat(properties.toString()).doesNotContain("very-secret");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngressProperties.class)
    static class PropertiesOnly {
    }
}
