package com.crossdock.platform.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DurableSpool} is laid out and drained.
 *
 * @param directory where the segment files and the position file live; one spool per directory
 * @param segmentBytes the size at which the writer starts a new segment; drained segments are deleted
 * @param maxInFlight records sent before the first is acknowledged. 1 keeps the strictest promise: after
 *     a send failure nothing after the failed record was sent, so nothing is sent twice. More drains
 *     faster; per-partition order still holds with an idempotent producer (Kafka's default), but after a
 *     send failure the records after the failed one that Kafka had taken are sent again
 * @param commitEveryRecords acknowledged records between two writes of the drain position; a crash
 *     re-sends at most this many (each position write costs an fsync)
 * @param sendTimeout how long the drain waits for one acknowledgement before it gives up and retries
 *     later
 * @param maxBytes the most the spool holds for Kafka; an append past it fails with {@link SpoolFullException}
 */
public record SpoolOptions(Path directory, long segmentBytes, int maxInFlight, int commitEveryRecords,
        Duration sendTimeout, long maxBytes) {

    /** Unbounded but for the disk. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    public SpoolOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        if (segmentBytes <= 0 || maxInFlight <= 0 || commitEveryRecords <= 0 || sendTimeout.isNegative()
                || maxBytes <= 0) {
            throw new IllegalArgumentException("spool sizes, counts and timeout must be positive");
        }
    }

    public static SpoolOptions defaults(Path directory) {
        return new SpoolOptions(directory, DEFAULT_SEGMENT_BYTES, 1, 100, Duration.ofSeconds(30), NO_LIMIT);
    }

    public SpoolOptions withDirectory(Path other) {
        return new SpoolOptions(other, segmentBytes, maxInFlight, commitEveryRecords, sendTimeout, maxBytes);
    }

    public SpoolOptions withSegmentBytes(long bytes) {
        return new SpoolOptions(directory, bytes, maxInFlight, commitEveryRecords, sendTimeout, maxBytes);
    }

    public SpoolOptions withMaxInFlight(int records) {
        return new SpoolOptions(directory, segmentBytes, records, commitEveryRecords, sendTimeout, maxBytes);
    }

    public SpoolOptions withCommitEveryRecords(int records) {
        return new SpoolOptions(directory, segmentBytes, maxInFlight, records, sendTimeout, maxBytes);
    }

    public SpoolOptions withMaxBytes(long bytes) {
        return new SpoolOptions(directory, segmentBytes, maxInFlight, commitEveryRecords, sendTimeout, bytes);
    }

    public SpoolOptions withSendTimeout(Duration timeout) {
        return new SpoolOptions(directory, segmentBytes, maxInFlight, commitEveryRecords, timeout, maxBytes);
    }
}
