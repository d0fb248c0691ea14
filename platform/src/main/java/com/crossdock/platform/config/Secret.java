package com.crossdock.platform.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential read from configuration (the environment, or a mounted file through Spring's config tree).
 * Bound from a string like any setting ({@code crossdock.vendors.paqtana.auth.token: ...}), but it never prints:
 * {@link #toString()} is masked, so a properties record holding it can be logged, shown by a failure
 * analysis or put in an exception message without leaking it (DESIGN.md: secrets are never logged).
 */
public final class Secret {

    private static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Spring's binder converts configuration strings to a Secret through this factory. */
    public static Secret of(String value) {
        return new Secret(value.trim());
    }

    /** The credential itself: only for the request that sends it. */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    /** Constant-time comparison, for checking a credential a caller presented. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && matches(secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
