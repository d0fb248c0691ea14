package com.crossdock.paqtana.client;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.platform.kafka.DeadLetterDetails;
import com.crossdock.platform.kafka.Retryability;
import com.crossdock.platform.vendor.VendorCallException;

/**
 * A failed Paqtana call as the consumers' error handler needs it: transient or not as the vendor policy judged
 * it (5xx, 408, 429, I/O, timeouts are transient; another 4xx is Paqtana's final word), and Paqtana's status
 * and answer as dead-letter headers. Wraps the policy's {@link VendorCallException}, which does not (yet)
 * implement the platform's {@link Retryability} and {@link DeadLetterDetails} itself.
 */
public class PaqtanaCallException extends RuntimeException implements Retryability, DeadLetterDetails {

    public static final String STATUS_HEADER = "crossdock.vendor.status";
    public static final String BODY_HEADER = "crossdock.vendor.body";
    public static final String OPERATION_HEADER = "crossdock.vendor.operation";

    private final VendorCallException failure;

    public PaqtanaCallException(VendorCallException failure) {
        super(failure.getMessage(), failure);
        this.failure = failure;
    }

    public int status() {
        return failure.status();
    }

    public String responseBody() {
        return failure.responseBody();
    }

    @Override
    public boolean transientFailure() {
        return failure.transientFailure();
    }

    @Override
    public Map<String, String> deadLetterHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(STATUS_HEADER, Integer.toString(failure.status()));
        headers.put(BODY_HEADER, failure.responseBody());
        headers.put(OPERATION_HEADER, failure.operation());
        return headers;
    }
}
