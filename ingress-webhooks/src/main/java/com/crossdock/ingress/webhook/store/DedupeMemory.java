package com.crossdock.ingress.webhook.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * One provider's delivery ids seen within the window, each with the instant it was received. Bounded: an entry
 * expires when it is older than the window (counted from when the webhook was received, also for ids rebuilt from
 * Kafka), and the size is capped. Each replica has its own memory; the canonical events' ids are derived from the
 * delivery id, so a duplicate that another replica (or a restart before the rebuild) let through is still one fact
 * for every consumer.
 */
public final class DedupeMemory {

    private final Cache<String, Instant> seen;
    private final Duration window;
    private final Clock clock;

    public DedupeMemory(Duration window, long maximumEntries, Clock clock) {
        this.window = window;
        this.clock = clock;
        this.seen = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                // its upkeep on the caller's thread, a little per write: a hand-off to the common pool per batch of
                // writes cost a thread wake-up at every few webhooks (issue 15's profile)
                .executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<String, Instant>writing((deliveryId, receivedAt) -> remaining(receivedAt)))
                .build();
    }

    /** Takes the delivery id for a webhook being stored now; false when it was seen before (a duplicate). */
    public boolean claim(String deliveryId) {
        return seen.asMap().putIfAbsent(deliveryId, clock.instant()) == null;
    }

    /** Gives a claim back when the webhook could not be stored, so that a new delivery is not a "duplicate". */
    public void release(String deliveryId) {
        seen.invalidate(deliveryId);
    }

    /** Remembers a delivery id read back from Kafka (or the spool), unless it is already older than the window. */
    public void remember(String deliveryId, Instant receivedAt) {
        if (!remaining(receivedAt).isZero()) {
            seen.asMap().putIfAbsent(deliveryId, receivedAt);
        }
    }

    public boolean knows(String deliveryId) {
        return seen.getIfPresent(deliveryId) != null;
    }

    public long size() {
        seen.cleanUp();
        return seen.estimatedSize();
    }

    public Duration window() {
        return window;
    }

    private Duration remaining(Instant receivedAt) {
        Duration left = Duration.between(clock.instant(), receivedAt.plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
