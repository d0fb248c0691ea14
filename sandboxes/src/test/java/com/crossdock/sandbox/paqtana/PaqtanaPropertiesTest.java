package com.crossdock.sandbox.paqtana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PaqtanaPropertiesTest {

    @Test
    void defaultsToPaqtanas32MegabyteLimitAndTheDemoOrganisation() {
        PaqtanaProperties properties = bind(Map.of());

        assertThat(properties.maxRequestBytes().toBytes()).isEqualTo(32_000_000L); // "32MB" (Paso 6) read as 32,000,000 bytes
        assertThat(properties.token()).isEqualTo("paqtana-demo-token");
        assertThat(properties.orgs()).containsOnlyKeys("demo");
        assertThat(properties.orgs().get("demo").workspaces()).containsExactly("main", "secondary");
    }

    @Test
    void bindsAnyConfiguredOrganisation() {
        PaqtanaProperties properties = bind(Map.of(
                "sandboxes.paqtana.orgs.acme.workspaces[0]", "north",
                "sandboxes.paqtana.max-request-bytes", "1MB"));

        assertThat(properties.orgs()).containsOnlyKeys("acme");
        assertThat(properties.orgs().get("acme").workspaces()).isEqualTo(List.of("north"));
        assertThat(properties.maxRequestBytes().toBytes()).isEqualTo(1_048_576L);
    }

    @Test
    void neverShowsTheTokenInItsStringForm() {
        assertThat(bind(Map.of("sandboxes.paqtana.token", "s3cr3t")).toString()).doesNotContain("s3cr3t");
    }

    private static PaqtanaProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("sandboxes.paqtana", PaqtanaProperties.class);
    }
}
