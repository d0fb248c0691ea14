package com.crossdock.platform.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The feed settings as a vendor's record embeds them, under the vendor's own prefix. */
class FeedSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(AcmeOnly.class);

    @Test
    void bindsUnderTheVendorsPrefixWithTheKitsDefaults() {
        runner.withPropertyValues("crossdock.acme.feed.idle-interval=3s", "crossdock.acme.feed.retry.max-interval=1m")
                .run(context -> {
                    FeedSettings feed = context.getBean(AcmePoller.class).feed();
                    assertThat(feed.idleInterval()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(feed.kafkaTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(feed.retry().maxInterval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(feed.retry().maxAttempts()).isZero();
                });
    }

    @Test
    void refusesARetryThatWouldGiveUpOnABatchThatExistsNowhereElseNamingTheKey() {
        runner.withPropertyValues("crossdock.acme.feed.retry.max-attempts=5").run(context -> {
            assertThat(context).getFailure().rootCause().hasMessageContaining("retry.max-attempts must be 0");
            // Boot's bind failure names where the settings were bound: with the message, the whole key
            assertThat(bindFailure(context.getStartupFailure()).getName()).hasToString("crossdock.acme.feed");
        });
    }

    private static BindException bindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        throw new AssertionError("no bind failure in " + failure);
    }

    /** A vendor's poller properties, as prodsmart-poller's embed the kit's. */
    @ConfigurationProperties("crossdock.acme")
    record AcmePoller(@DefaultValue @NestedConfigurationProperty FeedSettings feed) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AcmePoller.class)
    static class AcmeOnly {
    }
}
