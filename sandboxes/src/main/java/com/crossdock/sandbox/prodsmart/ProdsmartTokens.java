package com.crossdock.sandbox.prodsmart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.crossdock.sandbox.Resettable;

/**
 * The company's access tokens ("AUTORYZACJA"): POST makes a new one, GET returns the newest, DELETE revokes;
 * each lives {@code tokenLife} (Prodsmart: 2 hours), after which calls with it get 401.
 */
class ProdsmartTokens implements Resettable {

    private final Clock clock;
    private final Duration life;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private volatile String newest;

    ProdsmartTokens(Clock clock, Duration life) {
        this.clock = clock;
        this.life = life;
    }

    String issue() {
        String token = UUID.randomUUID().toString().replace("-", "");
        expiries.put(token, clock.instant().plus(life));
        issued.incrementAndGet();
        newest = token;
        return token;
    }

    Optional<String> current() {
        String token = newest;
        return token != null && valid(token) ? Optional.of(token) : Optional.empty();
    }

    boolean valid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void revokeAll() {
        expiries.clear();
        newest = null;
    }

    /** For tests: every token issued so far is expired now, as if its two hours had passed. */
    void expireAll() {
        Instant now = clock.instant();
        expiries.replaceAll((token, expiry) -> now);
    }

    long issuedTotal() {
        return issued.get();
    }

    @Override
    public void reset() {
        revokeAll();
        issued.set(0);
    }
}
