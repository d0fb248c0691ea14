package com.crossdock.vendor.optimakers;

import com.crossdock.platform.kafka.Retryability;

/** An Optimakers body that does not fit, naming the field at fault ({@code ids: must be an array}). Permanent. */
public class InvalidOptimakersPayloadException extends IllegalArgumentException implements Retryability {

    public InvalidOptimakersPayloadException(String field, String message) {
        super(field + ": " + message);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
