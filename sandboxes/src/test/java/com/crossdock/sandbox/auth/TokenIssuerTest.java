package com.crossdock.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** A token's life runs on the test's clock: two hours pass without waiting for them. */
class TokenIssuerTest {

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private final TokenIssuer tokens = new TokenIssuer("prodsmart", clock, Duration.ofHours(2));

    @Test
    void aTokenIsValidUntilTheEndOfItsLifeAndNotAMomentLonger() {
        String token = tokens.issue();

        clock.add(Duration.ofHours(2).minusMillis(1));
        assertThat(tokens.valid(token)).isTrue();
        assertThat(tokens.current()).contains(token);

        clock.add(Duration.ofMillis(1));
        assertThat(tokens.valid(token)).isFalse();
        assertThat(tokens.current()).isEmpty();
    }

    @Test
    void eachTokenHasItsOwnLifeAndTheNewestIsCurrent() {
        String first = tokens.issue();
        clock.add(Duration.ofHours(1));
        String second = tokens.issue();

        clock.add(Duration.ofHours(1));

        assertThat(tokens.valid(first)).isFalse();
        assertThat(tokens.valid(second)).isTrue();
        assertThat(tokens.current()).contains(second);
        assertThat(tokens.issuedTotal()).isEqualTo(2);
    }

    @Test
    void expiringOrRevokingEndsEveryTokenAndAResetForgetsTheCount() {
        String expired = tokens.issue();
        tokens.expireAll();
        assertThat(tokens.valid(expired)).isFalse();

        String revoked = tokens.issue();
        tokens.revokeAll();
        assertThat(tokens.valid(revoked)).isFalse();

        tokens.reset();
        assertThat(tokens.issuedTotal()).isZero();
        assertThat(tokens.valid(null)).isFalse();
    }

    @Test
    void aNewTokenThatRevokesOthersLeavesOnlyItselfValid() {
        String first = tokens.issue();
        String second = tokens.issue(true);

        assertThat(tokens.valid(first)).isFalse();
        assertThat(tokens.valid(second)).isTrue();
        assertThat(tokens.current()).contains(second);
    }
}
