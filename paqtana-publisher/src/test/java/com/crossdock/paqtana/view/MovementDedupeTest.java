package com.crossdock.paqtana.view;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovementDedupeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void remembersAnEventIdWithinTheRetention() {
        MovementDedupe dedupe = new MovementDedupe(Duration.ofDays(8));
        UUID id = UUID.randomUUID();

        assertThat(dedupe.firstTime(id, T0)).isTrue();
        assertThat(dedupe.firstTime(id, T0.plus(Duration.ofDays(7)))).isFalse();
    }

    @Test
    void forgetsEventIdsOlderThanTheRetention() {
        MovementDedupe dedupe = new MovementDedupe(Duration.ofDays(8));
        dedupe.firstTime(UUID.randomUUID(), T0);
        dedupe.firstTime(UUID.randomUUID(), T0.plus(Duration.ofDays(1)));

        dedupe.firstTime(UUID.randomUUID(), T0.plus(Duration.ofDays(8)).plusSeconds(1));

        assertThat(dedupe.size()).isEqualTo(2);
    }
}
