package com.crossdock.platform.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse(" 120 ", clock)).contains(Duration.ofSeconds(120));
    }

    @Test
    void readsHttpDateAsTheWaitFromNow() {
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 10:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
    }

    @Test
    void treatsHttpDateInThePastAsNoWait() {
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void ignoresUnreadableValues() {
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
    }
}
