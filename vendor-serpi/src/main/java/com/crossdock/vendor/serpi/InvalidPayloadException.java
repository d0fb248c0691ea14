package com.crossdock.vendor.serpi;

import com.crossdock.platform.kafka.Retryability;

/**
 * A SERPI answer or article that does not fit its resource; it names the field at fault
 * ({@code result[3].codigo: is required}). Permanent: reading it again cannot help.
 */
public class InvalidPayloadException extends IllegalArgumentException implements Retryability {

    private final String field;

    public InvalidPayloadException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The part of the input at fault, e.g. {@code result[0].codigo}. */
    public String field() {
        return field;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
