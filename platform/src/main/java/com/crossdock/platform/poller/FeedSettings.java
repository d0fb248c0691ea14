package com.crossdock.platform.poller;

import java.time.Duration;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The feed's cadence and durability ({@code <vendor's prefix>.feed.*}): a full page is followed by the next read at
 * once, a shorter one by the idle interval; a read batch is in Kafka or the spool before the next read. How long a
 * full page is is a fact of the vendor's API, not a setting: the vendor's source says it ({@link Page#of}).
 *
 * @param idleInterval    wait after a page that was not full, before asking that channel again
 * @param kafkaTimeout    how long a batch may wait for Kafka's acknowledgement before it is spooled
 * @param recheckInterval how often a channel that may not read looks again: on a standby instance (another holds
 *                        the lease), or while the spool holds records
 * @param retry           the waits while a read batch is neither in Kafka nor in the spool (the disk refuses it),
 *                        before nothing more is read ({@code feed.retry.*}, see {@code Backoff}); each setting
 *                        overrides only its component of 200 ms doubling up to 30 s, no jitter; max-attempts must
 *                        stay 0: the batch exists nowhere else
 */
@ConfigurationPropertiesSource
public record FeedSettings(@DefaultValue("10s") Duration idleInterval, @DefaultValue("10s") Duration kafkaTimeout,
        @DefaultValue("1s") Duration recheckInterval, @NestedConfigurationProperty Backoff retry) {

    public static final Backoff RETRY_DEFAULTS = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30), 0.0, 0);

    public FeedSettings {
        // the vendor's record embeds these settings under its prefix: Boot's bind failure names it
        retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS)
                .requireNoAttemptLimit("retry.max-attempts").validated();
    }
}
