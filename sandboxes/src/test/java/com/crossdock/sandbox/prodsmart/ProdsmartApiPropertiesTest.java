package com.crossdock.sandbox.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ProdsmartApiPropertiesTest {

    @Test
    void takesItsCredentialsFromTheRelaxedFormOfTheirPropertyNames() {
        ProdsmartApiProperties properties = bindEnvironment(Map.of(
                "SANDBOXES_PRODSMART_API_KEY", "key-from-env", "SANDBOXES_PRODSMART_API_SECRET", "secret-from-env"));

        assertThat(properties.key()).isEqualTo("key-from-env");
        assertThat(properties.secret()).isEqualTo("secret-from-env");
    }

    @Test
    void defaultsToTheDemoCredentialsOfTheLocalStack() {
        ProdsmartApiProperties properties = bindEnvironment(Map.of());

        assertThat(properties.key()).isEqualTo("prodsmart-demo-key");
        assertThat(properties.secret()).isEqualTo("prodsmart-demo-secret");
    }

    @Test
    void neverShowsTheCredentialsInItsStringForm() {
        String shown = bindEnvironment(Map.of(
                "SANDBOXES_PRODSMART_API_KEY", "k3y-value", "SANDBOXES_PRODSMART_API_SECRET", "s3cr3t-value")).toString();

        assertThat(shown).doesNotContain("k3y-value").doesNotContain("s3cr3t-value").contains("tokenLife=PT2H");
    }

    private static ProdsmartApiProperties bindEnvironment(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("env", environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("sandboxes.prodsmart.api", ProdsmartApiProperties.class);
    }
}
