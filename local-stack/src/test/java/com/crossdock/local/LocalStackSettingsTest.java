package com.crossdock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void readsItsSettingsFromTheRelaxedFormOfCrossdockLocal() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of(
                "CROSSDOCK_LOCAL_KAFKA_PORT", "19092",
                "CROSSDOCK_LOCAL_PAQTANA_PUBLISHER_PORT", "18082",
                "CROSSDOCK_LOCAL_DATA_DIR", "/tmp/crossdock-data",
                "CROSSDOCK_LOCAL_SERVICES", "ingress-webhooks, prodsmart-poller",
                "CROSSDOCK_LOCAL_PRODSMART_API_SECRET", "another-secret"));

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.paqtanaPublisherPort()).isEqualTo(18082);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/crossdock-data"));
        assertThat(settings.services()).containsExactlyInAnyOrder("ingress-webhooks", "prodsmart-poller");
        assertThat(settings.prodsmartApiSecret().reveal()).isEqualTo("another-secret");
    }

    @Test
    void runsEverythingOnTheDocumentedPortsWithTheDemoCredentialsByDefault() {
        // a service's own variable is that service's, not an alias of a launcher setting
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of(
                "CROSSDOCK_VENDORS_PAQTANA_AUTH_TOKEN", "not-the-launchers", "CROSSDOCK_KAFKA_PORT", "1"));

        assertThat(settings).extracting(LocalStackSettings::kafkaPort, LocalStackSettings::registryPort,
                LocalStackSettings::sandboxPort, LocalStackSettings::ingressPort,
                LocalStackSettings::paqtanaPublisherPort, LocalStackSettings::prodsmartPollerPort,
                LocalStackSettings::supplierGatewayPort)
                .containsExactly(9092, 8081, 8090, 8080, 8082, 8083, 8086);
        assertThat(settings.services()).isEqualTo(LocalStackSettings.ALL_SERVICES);
        assertThat(settings.dataDir()).isEqualTo(Path.of(".local"));
        assertThat(settings.paqtanaToken().reveal()).isEqualTo(LocalStackSettings.DEMO_PAQTANA_TOKEN);
        assertThat(settings.prodsmartApiKey().reveal()).isEqualTo(LocalStackSettings.DEMO_PRODSMART_API_KEY);
        assertThat(settings.prodsmartApiSecret().reveal()).isEqualTo(LocalStackSettings.DEMO_PRODSMART_API_SECRET);
        assertThat(settings.orderBridgePort()).isEqualTo(8085);
        assertThat(settings.baselinkerToken().reveal()).isEqualTo(LocalStackSettings.DEMO_BASELINKER_TOKEN);
        assertThat(settings.optimakersWebhookToken().reveal()).isEqualTo(LocalStackSettings.DEMO_OPTIMAKERS_WEBHOOK_TOKEN);
    }

    @Test
    void embedsNoServiceWhenTheListIsEmpty() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of("CROSSDOCK_LOCAL_SERVICES", "")).services()).isEmpty();
    }

    @Test
    void refusesAServiceItDoesNotKnow() {
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of("CROSSDOCK_LOCAL_SERVICES", "ingress")))
                .rootCause().hasMessageContaining("unknown service \"ingress\"");
    }

    @Test
    void neverShowsItsCredentials() {
        String shown = LocalStackSettings.fromEnvironment(Map.of("CROSSDOCK_LOCAL_PAQTANA_TOKEN", "t0ken-value",
                "CROSSDOCK_LOCAL_PRODSMART_API_KEY", "k3y-value", "CROSSDOCK_LOCAL_PRODSMART_API_SECRET", "s3cret-value"))
                .toString();

        assertThat(shown).contains("kafkaPort=9092")
                .doesNotContain("t0ken-value").doesNotContain("k3y-value").doesNotContain("s3cret-value");
    }
}
