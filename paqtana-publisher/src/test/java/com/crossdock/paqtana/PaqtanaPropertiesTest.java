package com.crossdock.paqtana;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaqtanaPropertiesTest {

    @Test
    void paqtanasLimitIs32MillionBytesAndTheRunIsDaily() {
        PaqtanaProperties properties = bind(Map.of());

        // "El tamaño máximo de la carga útil es de 32MB" (Paso 6), read as decimal megabytes
        assertThat(properties.maxRequestBytes().toBytes()).isEqualTo(32_000_000L);
        assertThat(properties.demandRequestBytes().toBytes()).isLessThanOrEqualTo(32_000_000L);
        assertThat(properties.runCron()).isEqualTo("0 0 2 * * *");
        assertThat(properties.maxUnexplainedDrop()).isEqualTo(0.2);
        assertThat(properties.skippedRecordsAllowed()).isZero();
        assertThat(properties.schemaUnavailableRetry().maxAttempts()).isZero();
        assertThat(properties.schemaUnavailableRetry().initialInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSchemaRetryThatGivesUpIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("crossdock.paqtana.schema-unavailable-retry.max-attempts", "5")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("schema-unavailable-retry.max-attempts must be 0");
    }

    @Test
    void theShrinkGuardIsAShare() {
        assertThatThrownBy(() -> bind(Map.of("crossdock.paqtana.max-unexplained-drop", "20")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-unexplained-drop must be a share from 0 to 1");
    }

    private static PaqtanaProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("crossdock.paqtana", PaqtanaProperties.class);
    }
}
