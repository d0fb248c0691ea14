package com.crossdock.platform.poller;

import java.time.Duration;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The feed's cadence and durability ({@code <vendor's prefix>.feed.*}): a full page is followed by the next read at
 * once, a shorter one by the idle interval; a read batch is in Kafka or the spool before the next read.
 *
 * @param idleInterval    wait after a page that was not full, before asking that channel again
 * @param pageSize        the vendor's page: a page this long is full, and the next read follows at once (no
 *                        kit default: the vendor's properties fill in their vendor's, e.g. Prodsmart's 25 per call)
 * @param kafkaTimeout    how long a batch may wait for Kafka's acknowledgement before it is spooled
 * @param recheckInterval how often a channel that may not read looks again: on a standby instance (another holds
 *                        the lease), or while the spool holds records
 * @param retry           the waits while a read batch is neither in Kafka nor in the spool (the disk refuses it),
 *                        before nothing more is read ({@code feed.retry.*}, see {@code Backoff}); each setting
 *                        overrides only its component of 200 ms doubling up to 30 s, no jitter; max-attempts must
 *                        stay 0: the batch exists nowhere else
 */
@ConfigurationPropertiesSource
public record FeedSettings(@DefaultValue("10s") Duration idleInterval, Integer pageSize,
        @DefaultValue("10s") Duration kafkaTimeout, @DefaultValue("1s") Duration recheckInterval,
        @NestedConfigurationProperty Backoff retry) {

    public static final Backoff RETRY_DEFAULTS = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30), 0.0, 0);

    public FeedSettings {
        retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS).validated();
        if (pageSize != null && pageSize < 1) {
            throw new IllegalArgumentException("feed.page-size must be at least 1, not " + pageSize);
        }
    }

    /** These settings, with {@code vendorPageSize} where no page size is set. */
    public FeedSettings orPageSize(int vendorPageSize) {
        return pageSize != null ? this
                : new FeedSettings(idleInterval, vendorPageSize, kafkaTimeout, recheckInterval, retry);
    }
}
