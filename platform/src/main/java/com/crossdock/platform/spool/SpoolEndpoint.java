package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/spool} on the management port: what the spool holds, the records Kafka refused for good and set
 * aside (why and when, never their bodies), and {@code POST} to send the set-aside records again once their cause is
 * fixed. An operator's tool, on the management port only.
 */
@Endpoint(id = "spool")
public class SpoolEndpoint {

    /** How many set-aside records a read lists. */
    static final int LISTED = 100;

    private final DurableSpool spool;
    private final DurableSpool.Sender sender;

    public SpoolEndpoint(DurableSpool spool, DurableSpool.Sender sender) {
        this.spool = spool;
        this.sender = sender;
    }

    /** One set-aside record as an operator sees it: where it was going, its size, why Kafka refused it. */
    public record SetAsideRecord(String topic, String key, int valueBytes, String reason, String setAsideAt) {
    }

    public record State(long depth, long bytes, long setAside, List<SetAsideRecord> setAsideRecords) {
    }

    public record Replayed(long sent, String stoppedBy, long stillSetAside) {
    }

    @ReadOperation
    public State state() throws IOException {
        List<SetAsideRecord> listed = spool.setAsideRecords(LISTED).stream().map(SpoolEndpoint::describe).toList();
        return new State(spool.depth(), spool.bytes(), spool.setAsideDepth(), listed);
    }

    @WriteOperation
    public Replayed replaySetAside() {
        DrainResult result = spool.replaySetAside(sender);
        return new Replayed(result.delivered(), result.failure() == null ? null : result.failure().toString(),
                spool.setAsideDepth());
    }

    private static SetAsideRecord describe(SpoolRecord record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(header -> headers.put(header.name(), utf8(header.value())));
        return new SetAsideRecord(record.topic(), utf8(record.key()), record.value() == null ? 0 : record.value().length,
                headers.get(DurableSpool.SET_ASIDE_REASON), headers.get(DurableSpool.SET_ASIDE_AT));
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
