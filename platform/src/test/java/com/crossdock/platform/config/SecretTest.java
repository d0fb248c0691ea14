package com.crossdock.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecretTest {

    record Credentials(String user, Secret password) {
    }

    @Test
    void bindsFromConfigurationAndNeverPrints() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("vendor.user", "ana", "vendor.password", "s3cr3t-value")));

        Credentials credentials = binder.bind("vendor", Credentials.class).get();

        assertThat(credentials.password().reveal()).isEqualTo("s3cr3t-value");
        assertThat(credentials.toString()).contains("ana").doesNotContain("s3cr3t");
        assertThat(String.valueOf(credentials.password())).doesNotContain("s3cr3t");
    }

    @Test
    void comparesAPresentedCredential() {
        Secret secret = Secret.of("token-1");

        assertThat(secret.matches("token-1")).isTrue();
        assertThat(secret.matches("token-2")).isFalse();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret).isEqualTo(Secret.of("token-1")).isNotEqualTo(Secret.of("token-2"));
    }
}
