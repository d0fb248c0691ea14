package com.crossdock.sandbox.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** The window slides on the test's clock: no test here waits for real time to pass. */
class SlidingWindowLimitTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    private final MutableClock clock = MutableClock.of(START, ZoneOffset.UTC);
    private final SlidingWindowLimit limit = new SlidingWindowLimit(clock, 3, Duration.ofMinutes(1));

    @Test
    void refusesPastTheLimitWithTheWaitUntilTheOldestRequestLeavesTheWindow() {
        limit.admit("acme");
        clock.add(Duration.ofSeconds(20));
        limit.admit("acme");
        limit.admit("acme");
        clock.add(Duration.ofSeconds(10));

        assertThat(limit.admit("acme")).hasValueSatisfying(refused -> {
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(refused.freeAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
            assertThat(refused.setting()).isEqualTo(new RateLimitSetting(3, Duration.ofMinutes(1)));
        });
    }

    @Test
    void slidesRatherThanResettingOnTheMinute() {
        limit.admit("acme");
        clock.add(Duration.ofSeconds(59));
        limit.admit("acme");
        limit.admit("acme");

        clock.add(Duration.ofSeconds(1));

        assertThat(limit.admit("acme")).as("the first request has just left the window").isEmpty();
        assertThat(limit.admit("acme")).as("the two of second 59 are still in it").isPresent();
    }

    @Test
    void aRefusedRequestIsNotCountedAndRoundsItsWaitUpToAWholeSecond() {
        for (int i = 0; i < 3; i++) {
            limit.admit("acme");
        }
        clock.add(Duration.ofMillis(59_500));

        assertThat(limit.admit("acme")).hasValueSatisfying(refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));
        clock.add(Duration.ofMillis(500));
        assertThat(limit.admit("acme")).isEmpty();
        assertThat(limit.state()).containsEntry("requestsAdmitted", 4L).containsEntry("requestsThrottled", 1L);
    }

    @Test
    void keepsOneWindowPerCredential() {
        for (int i = 0; i < 3; i++) {
            limit.admit("token-a");
        }

        assertThat(limit.admit("token-a")).isPresent();
        assertThat(limit.admit("token-b")).isEmpty();
        assertThat(limit.state()).containsEntry("peakRequestsInWindow", 3);
    }

    @Test
    void aNewLimitAppliesToTheWindowSoFarAndAResetRestoresTheConfiguredOne() {
        limit.admit("acme");
        limit.admit("acme");
        limit.configure(2, Duration.ofMinutes(1));

        assertThat(limit.admit("acme")).isPresent();

        limit.reset();
        assertThat(limit.setting()).isEqualTo(new RateLimitSetting(3, Duration.ofMinutes(1)));
        assertThat(limit.admit("acme")).isEmpty();
        assertThat(limit.state()).containsEntry("requestsAdmitted", 1L).containsEntry("requestsThrottled", 0L)
                .containsEntry("firstAdmittedAt", START.toString());
    }
}
