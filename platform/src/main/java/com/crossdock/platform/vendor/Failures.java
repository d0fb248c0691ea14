package com.crossdock.platform.vendor;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Sorts what a vendor call can fail with. Transient (retried, counted by the breaker): 5xx, 408, 429,
 * a 200 body classified as transient, I/O errors, timeouts. Everything else fails at once: another
 * 4xx is the vendor's final word on that request (DESIGN.md "Calling vendors"), and a rejection by
 * the policy itself must not be retried by the same policy.
 */
final class Failures {

    private static final int MAX_CAUSE_DEPTH = 8;

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof VendorCallException vendorFailure) {
            return vendorFailure.transientFailure() && vendorFailure.outcome() != VendorCallOutcome.REJECTED;
        }
        return failure instanceof TimeoutException || failure instanceof WebClientRequestException || isIo(failure);
    }

    /** A wait longer than {@code limit} is left to the caller (a retry topic), not held in memory. */
    static boolean isRetryable(Throwable failure, Duration limit) {
        if (!isTransient(failure)) {
            return false;
        }
        return !(failure instanceof VendorCallException vendorFailure)
                || vendorFailure.retryAfter().map(wait -> wait.compareTo(limit) <= 0).orElse(true);
    }

    /**
     * Whether the vendor may have received and served the request although the call failed: a timeout, a
     * connection lost after the request went out, a 5xx or 408 (the vendor's answer came after it took the request).
     * Not served, provably: a refusal by the policy itself (breaker, permits, throttle gate), a connection that was
     * never made (refused, unknown host), a 429 (the vendor refused to serve it) or any other 4xx. A destructive read
     * (Prodsmart's change feed removes what it answers) may be repeated only when it was not served.
     */
    static boolean mayHaveBeenServed(Throwable failure) {
        if (isRejection(failure)) {
            return false;
        }
        if (failure instanceof VendorCallException vendorFailure) {
            return switch (vendorFailure.outcome()) {
                case REJECTED, CLIENT_ERROR, SUCCESS -> false;
                case TIMEOUT -> true;
                case TRANSIENT_ERROR -> vendorFailure.status() == 0 ? !neverConnected(vendorFailure)
                        : vendorFailure.status() != 429;
            };
        }
        return !neverConnected(failure);
    }

    /** The connection was never made: the request cannot have reached the vendor. */
    private static boolean neverConnected(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof ConnectException || current instanceof UnknownHostException) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    static boolean isRejection(Throwable failure) {
        return failure instanceof CallNotPermittedException || failure instanceof VendorBulkhead.BulkheadFullException
                || failure instanceof RequestNotPermitted;
    }

    /** Every failure that concerns the vendor becomes a {@link VendorCallException}; others pass unchanged. */
    static Throwable toVendorFailure(String vendor, String operation, Throwable failure) {
        if (failure instanceof VendorCallException) {
            return failure;
        }
        if (failure instanceof TimeoutException) {
            return VendorCallException.ofTimeout(vendor, operation, failure);
        }
        if (isRejection(failure)) {
            return VendorCallException.ofRejection(vendor, operation, failure);
        }
        if (failure instanceof WebClientRequestException || isIo(failure)) {
            return VendorCallException.ofIoError(vendor, operation, failure);
        }
        return failure;
    }

    static String outcomeTag(Throwable failure) {
        return failure instanceof VendorCallException vendorFailure
                ? vendorFailure.outcome().tag() : VendorMetrics.UNEXPECTED;
    }

    /** For a log line: the kind and status, never the message, which may quote a URL with a token. */
    static String describe(Throwable failure) {
        if (failure instanceof VendorCallException vendorFailure) {
            return vendorFailure.outcome().tag() + " status " + vendorFailure.status();
        }
        return failure.getClass().getSimpleName();
    }

    private static boolean isIo(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof IOException) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
