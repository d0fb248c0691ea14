package com.crossdock.sandbox.suppliers.uniquetrade;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unique Trade's tokens (VENDORS.md "JWT from login + refresh token"): an access JWT (HS256, {@code sub}, {@code iat},
 * {@code exp}) and a refresh token, single use, that gives a new pair. {@link #expireAll()} ends every access JWT
 * issued so far, as their life passing would; the refresh tokens stay good.
 */
final class UniqueTradeTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Duration life;
    private final byte[] secret = new byte[32];
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile Instant expiredBefore = Instant.EPOCH;

    UniqueTradeTokens(Clock clock, Duration life) {
        this.clock = clock;
        this.life = life;
        new SecureRandom().nextBytes(secret);
    }

    /** A new pair for a login. */
    Map<String, Object> login(String login) {
        logins.incrementAndGet();
        return pair(login);
    }

    /** A new pair for a refresh token, which is spent; null when it is unknown or spent. */
    Map<String, Object> refresh(String refreshToken) {
        String login = refreshToken == null ? null : refreshToken.split(":", 2)[0];
        if (refreshToken == null || !refreshTokens.remove(refreshToken)) {
            return null;
        }
        refreshes.incrementAndGet();
        return pair(login);
    }

    /** Whether {@code jwt} is one of ours, signed right, and neither past its {@code exp} nor expired by control. */
    boolean valid(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3 || !MessageDigest.isEqual(sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8),
                parts[2].getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(parts[1]));
        Instant now = clock.instant();
        long issuedAtMillis = claims.path("iat_ms").asLong();
        return now.getEpochSecond() < claims.path("exp").asLong() && Instant.ofEpochMilli(issuedAtMillis).isAfter(expiredBefore);
    }

    void expireAll() {
        expiredBefore = clock.instant();
    }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("logins", logins.get());
        state.put("refreshes", refreshes.get());
        return state;
    }

    void reset() {
        refreshTokens.clear();
        logins.set(0);
        refreshes.set(0);
        expiredBefore = clock.instant();
    }

    private Map<String, Object> pair(String login) {
        Instant now = clock.instant();
        String header = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", login);
        claims.put("iat", now.getEpochSecond());
        claims.put("iat_ms", now.toEpochMilli());
        claims.put("exp", now.plus(life).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String payload = URL.encodeToString(JsonMapper.shared().writeValueAsBytes(claims));
        String refresh = login + ":" + UUID.randomUUID();
        refreshTokens.add(refresh);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", header + "." + payload + "." + sign(header + "." + payload));
        answer.put("refresh_token", refresh);
        answer.put("expires_in", life.toSeconds());
        return answer;
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return URL.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
