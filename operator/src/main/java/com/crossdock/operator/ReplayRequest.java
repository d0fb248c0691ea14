package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.crossdock.platform.kafka.Topics;

/**
 * One replay: which dead letters go back to which group's retry topic, or (a {@linkplain #release release}) which
 * quarantined webhooks go on to their raw topic. The same filter gives the same replay id, so running the same
 * command again resumes the replay instead of starting over.
 *
 * @param deadLetterTopic the topic read: a dead-letter topic, or a quarantine topic for a release
 * @param maxCount records to send (replayed or parked) in this run at most; 0 for no limit
 * @param rate records per second at most; 0 for unthrottled
 * @param maxReplays a record replayed this many times already is parked instead of replayed again
 * @param target where the matching records are sent: the group's retry topic, or the raw topic of a release
 */
record ReplayRequest(String deadLetterTopic, String group, RecordFilter filter, long maxCount, double rate,
        boolean dryRun, int maxReplays, String replayId, String operator, String target) {

    /** What a release is audited and its default id derived as, in place of a consumer group. */
    static final String RELEASE = "quarantine-release";

    /** A dead-letter replay: to the group's retry topic, which only that group listens on. */
    ReplayRequest(String deadLetterTopic, String group, RecordFilter filter, long maxCount, double rate,
            boolean dryRun, int maxReplays, String replayId, String operator) {
        this(deadLetterTopic, group, filter, maxCount, rate, dryRun, maxReplays, replayId, operator,
                Topics.retryTopic(Topics.sourceTopic(deadLetterTopic, group), group));
    }

    /**
     * A quarantine release: every matching record of {@code quarantineTopic} onto {@code rawTopic}, where the
     * provider's mapper stage maps it; never parked (a release is not a retry of a failure).
     */
    static ReplayRequest release(String quarantineTopic, String rawTopic, RecordFilter filter, long maxCount,
            double rate, boolean dryRun, String releaseId, String operator) {
        return new ReplayRequest(quarantineTopic, RELEASE, filter, maxCount, rate, dryRun, Integer.MAX_VALUE,
                releaseId, operator, rawTopic);
    }

    boolean isRelease() {
        return RELEASE.equals(group);
    }

    String sourceTopic() {
        return Topics.sourceTopic(deadLetterTopic, group);
    }

    String parkedTopic() {
        return Topics.parkedTopic(sourceTopic(), group);
    }

    /** The per-replay consumer group whose committed offsets are the replay's position. */
    String positionGroup() {
        return "crossdock-replay." + deadLetterTopic + "." + replayId;
    }

    static String defaultReplayId(String deadLetterTopic, String group, RecordFilter filter, int maxReplays) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((deadLetterTopic + '\n' + group + '\n'
                    + filter.describe() + '\n' + maxReplays).getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
