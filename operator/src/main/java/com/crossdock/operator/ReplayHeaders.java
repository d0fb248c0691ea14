package com.crossdock.operator;

/**
 * Provenance a replayed record gains, next to its unchanged key, value and headers. Consumers may read
 * {@link #COUNT} to tell a replay from a first delivery; the operator reads it to park a record that keeps failing.
 */
public final class ReplayHeaders {

    public static final String ID = "crossdock.replay.id";
    public static final String TIME = "crossdock.replay.time";
    public static final String OPERATOR = "crossdock.replay.operator";
    public static final String ORIGINAL_TOPIC = "crossdock.replay.original-topic";
    public static final String ORIGINAL_PARTITION = "crossdock.replay.original-partition";
    public static final String ORIGINAL_OFFSET = "crossdock.replay.original-offset";
    public static final String COUNT = "crossdock.replay.count";
    /** Only on a parked record: why it was not replayed again. */
    public static final String PARKED_REASON = "crossdock.replay.parked-reason";

    private ReplayHeaders() {
    }
}
