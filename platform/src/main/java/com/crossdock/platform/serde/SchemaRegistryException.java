package com.crossdock.platform.serde;

/** A registry answered with an error, or could not be reached. Carries the registry's error code. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    public int status() {
        return status;
    }

    /**
     * Whether asking again later may find the schema: the registry could not be reached or timed out (no status),
     * failed (5xx), or does not know the schema yet (404: 40403 schema not found, 40401 subject not found, as a
     * restarted or lagging registry answers). A 4xx other than 404 is a final answer.
     */
    public boolean schemaMayAppear() {
        return status == 0 || status == 404 || status >= 500;
    }

    /** Confluent error code, e.g. 40401 subject not found, 40403 schema not found, 409 incompatible. */
    public int errorCode() {
        return errorCode;
    }
}
