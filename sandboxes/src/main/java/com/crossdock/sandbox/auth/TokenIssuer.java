package com.crossdock.sandbox.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens a vendor issues, each valid for a lifetime (Prodsmart's authorization resource: 2 hours; an OAuth2
 * token endpoint: its {@code expires_in}). The vendor's own endpoint issues them in its own body; the gates
 * ({@link AuthGates#queryToken}, {@link AuthGates#bearer(TokenIssuer)}) accept them until they expire, and
 * {@code POST /<prefix>/_sandbox/tokens/expire} ends them all at once. Time comes from the clock given.
 */
public final class TokenIssuer {

    private final String prefix;
    private final Clock clock;
    private final Duration life;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private volatile String newest;

    /** @param prefix the vendor's path prefix, where its tokens can be expired */
    public TokenIssuer(String prefix, Clock clock, Duration life) {
        this.prefix = prefix;
        this.clock = clock;
        this.life = life;
    }

    public String prefix() {
        return prefix;
    }

    /** A new token, valid for the lifetime from now. */
    public String issue() {
        return issue(false);
    }

    /**
     * A new token, valid for the lifetime from now; with {@code revokeOthers}, every token issued before stops being
     * valid (a vendor that keeps one token per account: two clients that each ask for a new one knock each other out).
     */
    public String issue(boolean revokeOthers) {
        if (revokeOthers) {
            expiries.clear();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        expiries.put(token, clock.instant().plus(life));
        issued.incrementAndGet();
        newest = token;
        return token;
    }

    /** The newest token, while it is valid. */
    public Optional<String> current() {
        String token = newest;
        return token != null && valid(token) ? Optional.of(token) : Optional.empty();
    }

    public boolean valid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Revokes every token (Prodsmart's {@code DELETE /api/authorization}). */
    public void revokeAll() {
        expiries.clear();
        newest = null;
    }

    /** For tests: every token issued so far is expired now, as if its lifetime had passed. */
    public void expireAll() {
        Instant now = clock.instant();
        expiries.replaceAll((token, expiry) -> now);
    }

    public long issuedTotal() {
        return issued.get();
    }

    public void reset() {
        revokeAll();
        issued.set(0);
    }
}
