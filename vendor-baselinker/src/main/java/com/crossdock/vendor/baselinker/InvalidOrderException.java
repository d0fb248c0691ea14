package com.crossdock.vendor.baselinker;

import com.crossdock.platform.kafka.Retryability;

/**
 * A BaseLinker order that does not fit what its document says it is, naming the field at fault
 * ({@code orders[3].products[0].quantity: is required}). Permanent: reading it again gives the same answer.
 */
public class InvalidOrderException extends IllegalArgumentException implements Retryability {

    private final String field;

    public InvalidOrderException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
