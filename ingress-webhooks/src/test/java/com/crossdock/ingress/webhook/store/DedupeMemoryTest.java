package com.crossdock.ingress.webhook.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class DedupeMemoryTest {

    private static final Duration WINDOW = Duration.ofHours(25);

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);
    private final DedupeMemory memory = new DedupeMemory(WINDOW, 1000, clock);

    @Test
    void claimsAUuidOnceAndCallsTheNextOneADuplicate() {
        assertThat(memory.claim("a")).isTrue();
        assertThat(memory.claim("a")).isFalse();
        assertThat(memory.claim("b")).isTrue();
    }

    @Test
    void givesBackAClaimWhenTheWebhookCouldNotBeStored() {
        memory.claim("a");
        memory.release("a");

        assertThat(memory.claim("a")).isTrue();
    }

    @Test
    void forgetsAUuidOnceItIsOlderThanTheWindow() {
        memory.claim("a");
        clock.add(WINDOW.minusMinutes(1));
        assertThat(memory.knows("a")).isTrue();

        clock.add(Duration.ofMinutes(2));

        assertThat(memory.knows("a")).isFalse();
        assertThat(memory.size()).isZero();
    }

    @Test
    void remembersAUuidReadBackFromKafkaUntilTheWindowFromWhenItWasReceived() {
        memory.remember("old", clock.instant().minus(Duration.ofHours(26)));
        memory.remember("recent", clock.instant().minus(Duration.ofHours(24)));

        assertThat(memory.knows("old")).isFalse();
        assertThat(memory.knows("recent")).isTrue();
        assertThat(memory.claim("recent")).isFalse();

        clock.add(Duration.ofHours(1).plusMinutes(1));
        assertThat(memory.knows("recent")).isFalse();
    }

    @Test
    void staysWithinItsSizeBound() {
        DedupeMemory small = new DedupeMemory(WINDOW, 10, clock);
        for (int i = 0; i < 100; i++) {
            small.claim("uuid-" + i);
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}
