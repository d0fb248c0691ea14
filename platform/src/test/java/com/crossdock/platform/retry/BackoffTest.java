package com.crossdock.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class BackoffTest {

    private static final Backoff DEFAULTS = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.0, 5);

    @Test
    void growsByTheMultiplierUpToTheCap() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(400)).as("no overflow far along").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSettingOverridesOnlyTheComponentsItNames() {
        Backoff configured = new Backoff(null, null, Duration.ofMinutes(2), null, 0);

        Backoff effective = configured.orElse(DEFAULTS);

        assertThat(effective).isEqualTo(new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(2), 0.0, 0));
        assertThat(Backoff.UNSET.orElse(DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void jitterSpreadsEachWaitWithinItsFactor() {
        Backoff backoff = Backoff.fixed(Duration.ofSeconds(10)).withJitter(0.5);

        for (int i = 0; i < 200; i++) {
            assertThat(backoff.jitteredDelay(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        }
    }

    @Test
    void aSequenceCountsItsAttemptsAndStartsOverAfterASuccess() {
        Backoff.Sequence sequence = Backoff.exponential(Duration.ofMillis(100), 3.0, Duration.ofSeconds(10))
                .withMaxAttempts(3).sequence();

        assertThat(sequence.exhausted()).isFalse();
        assertThat(sequence.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(sequence.next()).isEqualTo(Duration.ofMillis(300));
        assertThat(sequence.exhausted()).as("three attempts made").isTrue();
        sequence.reset();
        assertThat(sequence.exhausted()).isFalse();
        assertThat(sequence.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void withoutALimitItIsNeverExhausted() {
        assertThat(Backoff.fixed(Duration.ofSeconds(1)).exhausted(1_000_000)).isFalse();
    }

    @Test
    void springsBackOffRetriesOneTimeFewerThanTheAttempts() {
        BackOffExecution execution = DEFAULTS.toSpringBackOff().start();

        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(2000);
        assertThat(execution.nextBackOff()).isEqualTo(4000);
        assertThat(execution.nextBackOff()).isEqualTo(8000);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void springsBackOffSpreadsEachWaitByTheJitterAndStartsAfreshPerExecution() {
        BackOff backOff = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0.5, 3).toSpringBackOff();

        for (int i = 0; i < 100; i++) {
            BackOffExecution execution = backOff.start();
            assertThat(execution.nextBackOff()).isBetween(5_000L, 15_000L);
            assertThat(execution.nextBackOff()).isBetween(10_000L, 30_000L);
            assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
        }
    }

    @Test
    void aLoopThatMustNotGiveUpRefusesAnAttemptLimitNamingItsSetting() {
        assertThat(Backoff.UNSET.requireNoAttemptLimit("crossdock.spool.retry.max-attempts")).isEqualTo(Backoff.UNSET);
        assertThat(Backoff.fixed(Duration.ofSeconds(1)).requireNoAttemptLimit("x.max-attempts")).isNotNull();
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofSeconds(1)).withMaxAttempts(3)
                .requireNoAttemptLimit("crossdock.spool.retry.max-attempts"))
                .hasMessageContaining("crossdock.spool.retry.max-attempts must be 0");
    }

    @Test
    void resilience4jIntervalsFollowTheSameWaits() {
        assertThat(DEFAULTS.toIntervalFunction().apply(1)).isEqualTo(1000L);
        assertThat(DEFAULTS.toIntervalFunction().apply(3)).isEqualTo(4000L);
    }

    @Test
    void refusesAnUnsoundBackoffNamingTheComponent() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1)))
                .hasMessageContaining("max-interval");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 2.0, Duration.ofSeconds(1)))
                .hasMessageContaining("initial-interval");
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofSeconds(1)).withJitter(1.0)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new Backoff(null, 2.0, Duration.ofSeconds(1), 0.0, 0).validated())
                .hasMessageContaining("incomplete");
    }
}
