package com.crossdock.platform.spool;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The spool of a service ({@code crossdock.spool.*}); see {@link SpoolOptions} for what each setting does.
 *
 * @param directory where the spool lives; in Kubernetes a persistent volume, never an emptyDir or tmpfs,
 *     or a restart loses what was spooled
 * @param name the {@code spool} tag of the spool's meters
 * @param drainInterval how often the drainer looks for spooled records while Kafka is healthy
 * @param maxBackoff the longest wait between drains while Kafka keeps failing
 */
@ConfigurationProperties("crossdock.spool")
public record SpoolProperties(
        @DefaultValue("data/spool") Path directory,
        @DefaultValue("spool") String name,
        @DefaultValue("64MB") DataSize segmentSize,
        @DefaultValue("1") int maxInFlight,
        @DefaultValue("100") int commitEveryRecords,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("1s") Duration drainInterval,
        @DefaultValue("30s") Duration maxBackoff) {

    public SpoolOptions toOptions() {
        return new SpoolOptions(directory, segmentSize.toBytes(), maxInFlight, commitEveryRecords, sendTimeout);
    }
}
