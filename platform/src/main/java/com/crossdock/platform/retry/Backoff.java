package com.crossdock.platform.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.core.IntervalFunction;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The one backoff of every retry loop in Crossdock (vendor calls, listener retries, spool drain, batch
 * writer, dedupe warm-up, publisher pushes), with one vocabulary in configuration:
 * {@code initial-interval}, {@code multiplier}, {@code max-interval}, {@code jitter}, {@code max-attempts}.
 *
 * <p>Every component may be left out where it is bound; {@link #orElse(Backoff)} fills what is missing from
 * the owner's defaults, field by field, so a setting overrides only what it names. A complete backoff (all
 * components present) is what the methods below need; {@link #validated()} says what is wrong otherwise.
 *
 * @param initialInterval wait before the first retry
 * @param multiplier      growth of the wait per retry (1.0: a fixed interval)
 * @param maxInterval     cap of the wait
 * @param jitter          randomization factor in [0, 1): each wait is drawn from {@code wait × (1 ± jitter)}
 * @param maxAttempts     attempts in all, the first included; 0 means no limit (retry until it works)
 */
@ConfigurationPropertiesSource
public record Backoff(Duration initialInterval, Double multiplier, Duration maxInterval, Double jitter,
        Integer maxAttempts) {

    /** Nothing set: every component comes from {@link #orElse(Backoff)}. */
    public static final Backoff UNSET = new Backoff(null, null, null, null, null);

    /** Exponential, without jitter and without an attempt limit. */
    public static Backoff exponential(Duration initialInterval, double multiplier, Duration maxInterval) {
        return new Backoff(initialInterval, multiplier, maxInterval, 0.0, 0).validated();
    }

    /** The same wait every time, without an attempt limit. */
    public static Backoff fixed(Duration interval) {
        return exponential(interval, 1.0, interval);
    }

    public Backoff withJitter(double factor) {
        return new Backoff(initialInterval, multiplier, maxInterval, factor, maxAttempts).validated();
    }

    public Backoff withMaxAttempts(int attempts) {
        return new Backoff(initialInterval, multiplier, maxInterval, jitter, attempts).validated();
    }

    /** This backoff, with every component it leaves out taken from {@code defaults}. */
    public Backoff orElse(Backoff defaults) {
        return new Backoff(
                Objects.requireNonNullElse(initialInterval, defaults.initialInterval()),
                Objects.requireNonNullElse(multiplier, defaults.multiplier()),
                Objects.requireNonNullElse(maxInterval, defaults.maxInterval()),
                Objects.requireNonNullElse(jitter, defaults.jitter()),
                Objects.requireNonNullElse(maxAttempts, defaults.maxAttempts()));
    }

    /** This backoff if it is complete and sound; a message naming the component at fault otherwise. */
    public Backoff validated() {
        if (initialInterval == null || multiplier == null || maxInterval == null || jitter == null
                || maxAttempts == null) {
            throw new IllegalArgumentException("incomplete backoff (initial-interval, multiplier, max-interval, "
                    + "jitter and max-attempts are all needed): " + this);
        }
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("backoff initial-interval must be positive, not " + initialInterval);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1.0, not " + multiplier);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("backoff max-interval (" + maxInterval
                    + ") must be at least initial-interval (" + initialInterval + ")");
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), not " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("backoff max-attempts must be 0 (no limit) or more, not " + maxAttempts);
        }
        return this;
    }

    /**
     * This backoff, if it sets no attempt limit: for a loop that must not give up because it holds what nothing
     * else holds (the spool's drain, the poller's batch writer, the dedupe warm-up). Called where the setting is
     * bound, in the properties record's constructor, so that a wrong setting fails the binding and Boot's message
     * names where it was bound; {@code setting} is the max-attempts key as far as the record knows it.
     */
    public Backoff requireNoAttemptLimit(String setting) {
        if (maxAttempts != null && maxAttempts != 0) {
            throw new IllegalArgumentException(setting + " must be 0 (no limit), not " + maxAttempts
                    + ": this loop retries until it succeeds, giving up would lose what it holds");
        }
        return this;
    }

    /** Whether {@code attempts} made so far use up the limit (never, when there is none). */
    public boolean exhausted(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }

    /** The wait before retry number {@code retry} (1 = after the first failure), without jitter. */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1, not " + retry);
        }
        double millis = initialInterval.toMillis() * Math.pow(multiplier, retry - 1);
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis(Math.round(millis));
    }

    /** As {@link #delay(int)}, spread by the jitter so that many clients do not retry in step. */
    public Duration jitteredDelay(int retry) {
        Duration base = delay(retry);
        if (jitter == 0.0) {
            return base;
        }
        double factor = 1.0 + jitter * (2.0 * ThreadLocalRandom.current().nextDouble() - 1.0);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    /** A fresh sequence of waits for one retry loop. */
    public Sequence sequence() {
        return new Sequence(validated());
    }

    /**
     * For Spring's retrying components (a listener's {@code DefaultErrorHandler}): the same waits, jitter included
     * (Spring's own {@code ExponentialBackOff} takes jitter as a fixed number of milliseconds, not as a factor of
     * each wait, so each execution is a {@link Sequence} instead), and one retry fewer than the attempts.
     */
    public BackOff toSpringBackOff() {
        Backoff backoff = validated();
        return () -> {
            Sequence waits = backoff.sequence();
            return () -> waits.exhausted() ? BackOffExecution.STOP : waits.next().toMillis();
        };
    }

    /** For Resilience4j's retry: the wait before attempt {@code n + 1}, jitter included. */
    public IntervalFunction toIntervalFunction() {
        return attempt -> jitteredDelay(Math.max(1, attempt)).toMillis();
    }

    /** The waits of one retry loop, one after another; {@link #reset()} after a success. */
    public static final class Sequence {

        private final Backoff backoff;
        private int retries;

        private Sequence(Backoff backoff) {
            this.backoff = backoff;
        }

        /** The wait before the next try. */
        public Duration next() {
            retries++;
            return backoff.jitteredDelay(retries);
        }

        /** Whether the loop has made as many attempts as it may ({@code retries + 1} so far). */
        public boolean exhausted() {
            return backoff.exhausted(retries + 1);
        }

        /** Back to the first wait. */
        public void reset() {
            retries = 0;
        }

        public int retries() {
            return retries;
        }
    }
}
