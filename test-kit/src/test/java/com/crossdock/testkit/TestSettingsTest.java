package com.crossdock.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

class TestSettingsTest {

    /** A settings record as services declare them: relaxed names, durations, defaults, nested maps. */
    record Settings(@DefaultValue("5s") Duration timeout, @DefaultValue("3") int maxAttempts, Map<String, Duration> waits) {
    }

    @Test
    void bindsEntriesAsSpringBootBindsApplicationYml() {
        Settings settings = TestSettings.bind(Settings.class, "crossdock.acme",
                "timeout=150ms", "max-attempts=7", "waits.token=2h");

        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(150));
        assertThat(settings.maxAttempts()).isEqualTo(7);
        assertThat(settings.waits()).containsEntry("token", Duration.ofHours(2));
    }

    @Test
    void givesTheDefaultsWhenNoEntryIsForTheClass() {
        Settings settings = TestSettings.bind(Settings.class, "crossdock.acme", "elsewhere=1");

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    @Test
    void aLaterEntryOfAJoinedListWinsAndUnderPrefixesEachKey() {
        String[] preset = {"timeout=1s", "max-attempts=2"};
        String[] entries = TestSettings.join(preset, new String[] {"max-attempts=9"});

        assertThat(TestSettings.bind(Settings.class, "x", entries).maxAttempts()).isEqualTo(9);
        assertThat(TestSettings.under("vendors", "acme.timeout=2s")).containsExactly("vendors.acme.timeout=2s");
    }

    @Test
    void refusesAnEntryThatIsNotKeyEqualsValue() {
        assertThatThrownBy(() -> TestSettings.bind(Settings.class, "x", "timeout"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
    }
}
