package com.crossdock.ingress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.crossdock.ingress.prodsmart.ProdsmartWebhookProperties;
import com.crossdock.ingress.webhook.IngressProperties;
import com.crossdock.ingress.webhook.SignatureEncoding;
import com.crossdock.platform.spool.SpoolProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
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
                .run(started -> assertThat(started.getBean(ProdsmartWebhookProperties.class).webhookSecret().reveal())
                        .isEqualTo("from-env"));
    }

    @Test
    void refusesADedupeWindowShorterThanADay() {
        context.withPropertyValues("crossdock.ingress.prodsmart.webhook-secret=s", "crossdock.ingress.dedupe.window=23h")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("at least 24h"));
    }

    @Test
    void refusesADedupeRetryThatWouldGiveUpAndKeepReadinessDownForGood() {
        context.withPropertyValues("crossdock.ingress.prodsmart.webhook-secret=s",
                        "crossdock.ingress.dedupe.retry.max-attempts=3")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("crossdock.ingress.dedupe.retry.max-attempts must be 0"));
    }

    @Test
    void hasTheDocumentedDefaultsAndNeverPrintsTheSecret() {
        context.withPropertyValues("crossdock.ingress.prodsmart.webhook-secret=very-secret").run(started -> {
            IngressProperties properties = started.getBean(IngressProperties.class);
            ProdsmartWebhookProperties prodsmart = started.getBean(ProdsmartWebhookProperties.class);

            assertThat(properties.maxBodyBytes().toBytes()).isEqualTo(1024 * 1024);
            assertThat(properties.kafkaAckTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.dedupe().window()).isEqualTo(Duration.ofHours(25));
            assertThat(prodsmart.maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
            assertThat(prodsmart.signatureHeaders()).extracting(h -> h.name())
                    .containsExactly("x-prodsmart-hmac-sha256", "x-prodsmart-hmac-sha1");
            assertThat(prodsmart.signatureHeaders()).extracting(h -> h.prefix()).containsOnly("");
            // either header, either HMAC: the document's example has an HMAC-SHA1 in x-prodsmart-hmac-sha256
            assertThat(prodsmart.signatureHeaders()).extracting(h -> h.algorithms())
                    .containsOnly(List.of("HmacSHA1", "HmacSHA256"));
            assertThat(prodsmart.signatureEncodings())
                    .containsExactlyInAnyOrder(SignatureEncoding.HEX, SignatureEncoding.BASE64);
            assertThat(prodsmart.toString()).doesNotContain("very-secret");
        });
    }

    @Test
    void keepsItsSpoolWhereThePlatformsSettingSaysAsEveryServiceDoes() {
        ApplicationContextRunner withItsYml = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.config.name=" + IngressApplication.CONFIG_NAME)
                .withUserConfiguration(SpoolOnly.class);

        withItsYml.run(started -> assertThat(started.getBean(SpoolProperties.class).directory())
                .isEqualTo(Path.of("data/ingress-spool")));
        withItsYml.withInitializer(started -> started.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CROSSDOCK_SPOOL_DIRECTORY", "/var/lib/crossdock/spool"))))
                .run(started -> assertThat(started.getBean(SpoolProperties.class).directory())
                        .isEqualTo(Path.of("/var/lib/crossdock/spool")));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SpoolProperties.class)
    static class SpoolOnly {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngressProperties.class, ProdsmartWebhookProperties.class})
    static class PropertiesOnly {
    }
}
