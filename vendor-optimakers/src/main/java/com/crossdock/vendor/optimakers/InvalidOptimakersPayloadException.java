package com.crossdock.vendor.optimakers;

import com.crossdock.platform.kafka.Retryability;

/** An Optimakers body that does not fit, naming the field at fault ({@code ids: must be an array}). Permanent. */
public class InvalidOptimakersPayloadException extends IllegalArgumentException implements Retryability {

    private final String field;
    private final String reason;

    public InvalidOptimakersPayloadException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
