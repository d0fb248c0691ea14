package com.crossdock.suppliers.order;

import java.util.Map;

/**
 * What became of one {@code Idempotency-Key}, as kept on {@code Topics.SUPPLIER_ORDER_KEYS} (JSON, key = the key).
 *
 * @param state       {@code pending} (sent to the supplier, no answer recorded yet), {@code placed} (the supplier took
 *                    it), {@code refused} (the supplier refused it), {@code unknown} (the call failed after it may
 *                    have reached the supplier)
 * @param fingerprint a hash of the request: the same key with another request is refused
 * @param status      the HTTP status the first request was answered with (placed, refused)
 * @param answer      the body it was answered with
 */
public record KeyOutcome(String state, String fingerprint, int status, Map<String, Object> answer) {

    static final String PENDING = "pending";
    static final String PLACED = "placed";
    static final String REFUSED = "refused";
    static final String UNKNOWN = "unknown";

    boolean settled() {
        return PLACED.equals(state) || REFUSED.equals(state);
    }
}
