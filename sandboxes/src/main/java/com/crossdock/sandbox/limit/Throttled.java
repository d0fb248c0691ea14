package com.crossdock.sandbox.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * A request refused by a {@link RateLimitRule}, as its {@link ThrottleAnswer} needs to word it.
 *
 * @param credential whose window is full
 * @param retryAfter how long until a slot frees up
 * @param freeAt     when that is (BaseLinker words it "token blocked until &lt;time&gt;")
 * @param setting    the limit in force
 */
public record Throttled(String credential, Duration retryAfter, Instant freeAt, RateLimitSetting setting) {

    /** The wait in whole seconds, rounded up (at least 1): waiting the rounded-down value would be refused again. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
