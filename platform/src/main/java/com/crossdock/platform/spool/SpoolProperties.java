package com.crossdock.platform.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The spool of a service ({@code crossdock.spool.*}); {@link SpoolOptions} says how the spool uses them.
 *
 * @param directory where the spool lives; in Kubernetes a persistent volume, never an emptyDir or tmpfs,
 *     or a restart loses what was spooled
 * @param name the {@code spool} tag of the spool's meters
 * @param segmentSize the size at which the writer starts a new segment file; drained segments are deleted
 * @param maxInFlight records sent before the first is acknowledged (default 1000): a drain pipelined like a producer
 *     empties a backlog at the producer's pace, with the order per key kept by Kafka's idempotent producer; after
 *     a failed send, what followed the failed record is sent again (duplicates the consumers' event-id dedupe
 *     absorbs). 1 sends nothing twice, at one broker round trip per record
 * @param commitEveryRecords acknowledged records between two writes of the drain position (each an fsync; default
 *     1000); a crash re-sends at most this many
 * @param sendTimeout how long the drain waits for one acknowledgement before it gives up and retries later
 * @param drainInterval how often the drainer looks for spooled records while Kafka is healthy
 * @param maxSize the most the spool holds for Kafka (default 1GB; keep it well under the volume): past it appends fail
 *     and the ingress answers 503 with {@code Retry-After}, a clear refusal instead of a full disk that would fail
 *     every append; {@code crossdock.spool.bytes} against {@code crossdock.spool.max_bytes} says how close it is
 * @param drainOnStop how long a graceful shutdown may drain what the spool still holds (default 20s; 0 turns it off):
 *     keep it within the shutdown phase ({@code spring.lifecycle.timeout-per-shutdown-phase}) and the pod's grace
 *     period, so a scaled-down pod does not strand answered webhooks on its volume
 * @param retry the waits between drains while Kafka keeps failing ({@code crossdock.spool.retry.*}:
 *     initial-interval, multiplier, max-interval, jitter; see {@link Backoff}). Each setting overrides only its
 *     component of {@link #RETRY_DEFAULTS}: 2 s after the first failed drain, doubling up to 30 s, no jitter.
 *     max-attempts must stay 0: the drain never gives up on what the spool holds
 */
@ConfigurationProperties("crossdock.spool")
public record SpoolProperties(
        @DefaultValue("data/spool") Path directory,
        @DefaultValue("spool") String name,
        @DefaultValue("64MB") DataSize segmentSize,
        @DefaultValue(SpoolProperties.DEFAULT_MAX_IN_FLIGHT_TEXT) int maxInFlight,
        @DefaultValue(SpoolProperties.DEFAULT_COMMIT_EVERY_RECORDS_TEXT) int commitEveryRecords,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("1s") Duration drainInterval,
        @DefaultValue("1GB") DataSize maxSize,
        @DefaultValue("20s") Duration drainOnStop,
        @NestedConfigurationProperty Backoff retry) {

    static final String DEFAULT_MAX_IN_FLIGHT_TEXT = "1000";
    static final String DEFAULT_COMMIT_EVERY_RECORDS_TEXT = "1000";
    public static final int DEFAULT_MAX_IN_FLIGHT = Integer.parseInt(DEFAULT_MAX_IN_FLIGHT_TEXT);
    public static final int DEFAULT_COMMIT_EVERY_RECORDS = Integer.parseInt(DEFAULT_COMMIT_EVERY_RECORDS_TEXT);

    /** What {@code crossdock.spool.retry.*} does not set: 2 s, 4 s, 8 s, 16 s, then 30 s between failed drains. */
    public static final Backoff RETRY_DEFAULTS = new Backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30), 0.0, 0);

    public SpoolProperties {
        retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS)
                .requireNoAttemptLimit("crossdock.spool.retry.max-attempts").validated();
    }

    public SpoolOptions toOptions() {
        return new SpoolOptions(directory, segmentSize.toBytes(), maxInFlight, commitEveryRecords, sendTimeout,
                maxSize.toBytes());
    }
}
