package com.crossdock.platform.vendor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure stated in the body of an HTTP 200 answer (SERPI {@code success:false}, BaseLinker
 * {@code status:ERROR}, Omega {@code Success:false}).
 *
 * @param transientFailure whether trying again later may succeed
 * @param detail           the vendor's own words (error code and message), kept as the exception's
 *                         response body for the dead-letter record
 * @param retryAfter       how long the vendor asks to wait, when it says so
 */
public record BodyFailure(boolean transientFailure, String detail, Optional<Duration> retryAfter) {

    public BodyFailure {
        detail = Objects.requireNonNullElse(detail, "");
        retryAfter = Objects.requireNonNullElse(retryAfter, Optional.empty());
    }

    /** The vendor refused the request for good (a validation error): not retried. */
    public static BodyFailure permanent(String detail) {
        return new BodyFailure(false, detail, Optional.empty());
    }

    /** The vendor failed for now: retried with the policy's backoff. */
    public static BodyFailure retryable(String detail) {
        return new BodyFailure(true, detail, Optional.empty());
    }

    /**
     * The vendor failed for now and named a wait, e.g. BaseLinker {@code ERROR_BLOCKED_TOKEN}
     * ("token blocked until ..."): retried no sooner than {@code wait}.
     */
    public static BodyFailure retryableAfter(String detail, Duration wait) {
        return new BodyFailure(true, detail, Optional.of(wait));
    }
}
