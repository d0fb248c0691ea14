package com.crossdock.platform.vendor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class TokenCacheTest {

    private static final Duration LIFE = Duration.ofHours(2);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    /** One sink per token request, completed by the test when it chooses. */
    private final List<Sinks.Many<TokenCache.Issued>> fetches = new ArrayList<>();
    private final List<String> renewals = new ArrayList<>();
    private final TokenCache cache = new TokenCache(replacing -> {
        Sinks.Many<TokenCache.Issued> fetch = Sinks.many().unicast().onBackpressureBuffer();
        fetches.add(fetch);
        // a Mono that may signal its value and its completion apart, as a WebClient answer does: the value
        // first, the completion once the response has been released
        return Mono.fromDirect(fetch.asFlux());
    }, RENEW_BEFORE, clock, renewals::add);

    @Test
    void renewsAtItsRenewalTimeEvenWhenTheLastFetchHasNotSignalledItsCompletionYet() {
        AtomicReference<String> first = new AtomicReference<>();
        cache.token().subscribe(first::set);
        fetches.get(0).tryEmitNext(issued("token-1"));
        assertThat(first).hasValue("token-1");
        assertThat(take(cache.token())).as("cached").isEqualTo("token-1");

        // the first fetch has delivered its value, its completion is still on its way
        clock.add(LIFE.minus(RENEW_BEFORE).plusSeconds(1));
        AtomicReference<String> renewed = new AtomicReference<>();
        cache.token().subscribe(renewed::set);

        assertThat(fetches).as("a renewal was asked for").hasSize(2);
        fetches.get(1).tryEmitNext(issued("token-2"));
        assertThat(renewed).hasValue("token-2");
        assertThat(renewals).containsExactly("expiry");
        fetches.forEach(Sinks.Many::tryEmitComplete);
    }

    @Test
    void keepsTheTokenUntilItsRenewalTimeAndSharesOneFetchBetweenCallers() {
        AtomicReference<String> a = new AtomicReference<>();
        AtomicReference<String> b = new AtomicReference<>();
        cache.token().subscribe(a::set);
        cache.token().subscribe(b::set);
        assertThat(fetches).hasSize(1);
        fetches.get(0).tryEmitNext(issued("token-1"));
        fetches.get(0).tryEmitComplete();

        clock.add(LIFE.minus(RENEW_BEFORE).minusSeconds(1));

        assertThat(take(cache.token())).isEqualTo("token-1");
        assertThat(a).hasValue("token-1");
        assertThat(b).hasValue("token-1");
        assertThat(fetches).hasSize(1);
        assertThat(renewals).isEmpty();
    }

    @Test
    void forgetsARefusedTokenButNotANewerOne() {
        cache.token().subscribe();
        fetches.get(0).tryEmitNext(issued("token-1"));

        cache.invalidate("token-0");
        assertThat(take(cache.token())).as("an older token was refused: the current one stays").isEqualTo("token-1");
        cache.invalidate("token-1");
        cache.token().subscribe();

        assertThat(fetches).hasSize(2);
        assertThat(renewals).containsExactly("unauthorized");
    }

    @Test
    void asksAgainAfterAFailedFetch() {
        cache.token().subscribe(token -> { }, failure -> { });
        fetches.get(0).tryEmitError(new IllegalStateException("vendor down"));

        cache.token().subscribe();

        assertThat(fetches).hasSize(2);
    }

    private static TokenCache.Issued issued(String token) {
        return new TokenCache.Issued(token, Instant.parse("2026-12-01T08:00:00Z").plus(LIFE));
    }

    /** The token if the Mono has it now, else null: nothing here may wait. */
    private static String take(Mono<String> token) {
        AtomicReference<String> value = new AtomicReference<>();
        token.subscribe(value::set);
        return value.get();
    }
}
