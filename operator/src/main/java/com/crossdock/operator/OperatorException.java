package com.crossdock.operator;

/** A failure the operator explains in one line, with the exit code that classifies it. */
final class OperatorException extends RuntimeException {

    private final int exitCode;

    OperatorException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static OperatorException unknownTopic(String topic) {
        return new OperatorException(ExitCodes.UNKNOWN_TOPIC_OR_GROUP, "unknown topic: " + topic);
    }

    static OperatorException unreachable(String what, Throwable cause) {
        return new OperatorException(ExitCodes.UNREACHABLE, what + " unreachable: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }

    int exitCode() {
        return exitCode;
    }
}
