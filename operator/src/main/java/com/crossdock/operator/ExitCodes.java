package com.crossdock.operator;

/**
 * Exit codes a script can rely on. 2 is picocli's own code for a usage error, so a bad option and a bad
 * filter value look the same to a caller.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNKNOWN_TOPIC_OR_GROUP = 3;
    public static final int UNREACHABLE = 4;
    public static final int PARTIAL_REPLAY = 5;

    private ExitCodes() {
    }
}
