package com.crossdock.vendor.optimakers;

import java.util.List;

import com.crossdock.platform.kafka.Retryability;

/**
 * An order Optimakers cannot take as configured: a currency or VAT rate without an Optimakers id. Permanent (the
 * order goes to the dead letters, naming every missing setting); once the setting is added, a replay creates it.
 */
public class NotMappableException extends IllegalArgumentException implements Retryability {

    private final List<String> missing;

    public NotMappableException(String orderId, List<String> missing) {
        super("order " + orderId + " cannot be sent to Optimakers: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
