package com.crossdock.ingress.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * How old a delivery may be: the instant the provider says it sent it, and how far that may be from now, either
 * way. A correctly authenticated old delivery is a replay, so a stale one is refused as unauthenticated (401).
 *
 * @param field          where the instant is (Prodsmart: {@code x-prodsmart-triggered-at})
 * @param reader         reads the value; throws {@link IllegalArgumentException} or {@link java.time.DateTimeException}
 *                       when it cannot (the delivery is then refused, 400)
 * @param maxClockSkew   accepted distance from now, both ways
 */
public record Freshness(RequestField field, Function<String, Instant> reader, Duration maxClockSkew) {

    public Freshness {
        if (field == null || reader == null || maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("freshness needs a field, a reader and a non-negative clock skew");
        }
    }
}
