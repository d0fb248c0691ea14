package com.crossdock.platform.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.ConfigTreePropertySource;

class VendorsPropertiesTest {

    @Test
    void anEntryOverridesOnlyWhatItNamesOfTheDefaults() {
        VendorsProperties properties = Policies.properties("defaults.timeout=10s",
                "defaults.retry.max-attempts=5", "defaults.retry.initial-interval=1s",
                "serpi.retry.max-attempts=2", "serpi.max-concurrent-calls=1");

        VendorProperties serpi = properties.forVendor("serpi");
        assertThat(serpi.timeout()).as("from defaults").isEqualTo(Duration.ofSeconds(10));
        assertThat(serpi.retry().maxAttempts()).as("its own").isEqualTo(2);
        assertThat(serpi.retry().initialInterval()).as("retry merges field by field").isEqualTo(Duration.ofSeconds(1));
        assertThat(serpi.retry().multiplier()).as("built in").isEqualTo(2.0);
        assertThat(serpi.bulkheadMaxWait()).as("follows the inherited timeout").isEqualTo(Duration.ofSeconds(10));
        assertThat(serpi.maxConcurrentCalls()).isEqualTo(1);
        VendorProperties omega = properties.forVendor("omega");
        assertThat(omega.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(omega.retry().maxAttempts()).isEqualTo(5);
        assertThat(properties.names()).containsExactly("serpi");
    }

    @Test
    void aBaseConfigIsInheritedWithWhatItInheritsFromTheDefaults() {
        VendorsProperties properties = Policies.properties("defaults.timeout=10s",
                "prodsmart.base-url=https://app.prodsmart.com", "prodsmart.rate-limit-permits=1",
                "prodsmart.rate-limit-period=510ms", "prodsmart.auth.style=token-exchange",
                "prodsmart.auth.exchange.path=/api/authorization", "prodsmart.auth.key=key-a",
                "prodsmart.auth.secret=secret-a", "prodsmart.shares.reconciliation.rate-limit-permits=1",
                "prodsmart-b.base-config=prodsmart", "prodsmart-b.auth.key=key-b", "prodsmart-b.auth.secret=secret-b",
                "prodsmart-b.shares.reconciliation.rate-limit-period=4s");

        VendorProperties second = properties.forVendor("prodsmart-b");

        assertThat(second.baseUrl()).isEqualTo(URI.create("https://app.prodsmart.com"));
        assertThat(second.rateLimitPermits()).isEqualTo(1);
        assertThat(second.rateLimitPeriod()).isEqualTo(Duration.ofMillis(510));
        assertThat(second.rateLimitMaxWait()).isEqualTo(Duration.ofMillis(510));
        assertThat(second.timeout()).as("the base's own defaults").isEqualTo(Duration.ofSeconds(10));
        assertThat(second.auth().style()).isEqualTo(AuthProperties.Style.TOKEN_EXCHANGE);
        assertThat(second.auth().exchange().path()).isEqualTo("/api/authorization");
        assertThat(second.auth().exchange().tokenField()).as("built in").isEqualTo("access_token");
        assertThat(second.auth().key().reveal()).isEqualTo("key-b");
        assertThat(second.auth().secret().reveal()).isEqualTo("secret-b");
        assertThat(second.shares().get("reconciliation").rateLimitPermits()).isEqualTo(1);
        assertThat(second.shares().get("reconciliation").rateLimitPeriod()).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.forVendor("prodsmart").auth().key().reveal()).isEqualTo("key-a");
    }

    @Test
    void refusesABaseConfigWithoutAnEntryOrOneThatGoesRoundInACircle() {
        assertThatThrownBy(() -> Policies.properties("serpi.base-config=serpy").forVendor("serpi"))
                .hasMessageContaining("crossdock.vendors.serpi.base-config names 'serpy'");
        assertThatThrownBy(() -> Policies.properties("a.base-config=b", "b.base-config=a").forVendor("a"))
                .hasMessageContaining("a -> b -> a");
    }

    @Test
    void bindsACredentialFromAMountedFileThroughSpringsConfigTree(@TempDir Path secrets) throws Exception {
        // what a Kubernetes Secret mounted at /run/secrets looks like, one file per key
        Files.writeString(secrets.resolve("crossdock.vendors.paqtana.auth.token"), "tok-from-file\n");
        Files.writeString(secrets.resolve("crossdock.vendors.paqtana.auth.style"), "bearer");

        VendorsProperties properties = new Binder(ConfigurationPropertySources.from(
                new ConfigTreePropertySource("secrets", secrets))).bind("crossdock", VendorsProperties.class).get();

        AuthProperties auth = properties.forVendor("paqtana").auth();
        assertThat(auth.style()).isEqualTo(AuthProperties.Style.BEARER);
        assertThat(auth.token().reveal()).isEqualTo("tok-from-file");
        assertThat(properties.forVendor("paqtana").toString()).doesNotContain("tok-from-file");
    }
}
