package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.crossdock.platform.kafka.Topics;

/**
 * One replay: which dead letters go back to which group's retry topic. The same filter gives the same replay id,
 * so running the same command again resumes the replay instead of starting over.
 *
 * @param maxCount records to send (replayed or parked) in this run at most; 0 for no limit
 * @param rate records per second at most; 0 for unthrottled
 * @param maxReplays a record replayed this many times already is parked instead of replayed again
 */
record ReplayRequest(String deadLetterTopic, String group, RecordFilter filter, long maxCount, double rate,
        boolean dryRun, int maxReplays, String replayId, String operator) {

    String sourceTopic() {
        return Topics.sourceTopic(deadLetterTopic, group);
    }

    String retryTopic() {
        return Topics.retryTopic(sourceTopic(), group);
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
