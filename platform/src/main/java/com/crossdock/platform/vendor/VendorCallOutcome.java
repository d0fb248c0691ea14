package com.crossdock.platform.vendor;

/** How a vendor call ended; {@link #tag()} is the {@code outcome} tag of the vendor call metrics. */
public enum VendorCallOutcome {
    /** The vendor answered 2xx and the body did not say failure. */
    SUCCESS("success"),
    /** The vendor refused the request (4xx other than 408/429, or a 200 body classified as permanent). */
    CLIENT_ERROR("client_error"),
    /** 5xx, 408, 429, an I/O error, or a 200 body classified as transient: worth trying again later. */
    TRANSIENT_ERROR("transient_error"),
    /** Not sent: the circuit breaker is open, or no rate-limit permit or bulkhead slot came in time. */
    REJECTED("rejected"),
    /** The vendor did not answer within the policy's timeout. */
    TIMEOUT("timeout");

    private final String tag;

    VendorCallOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
