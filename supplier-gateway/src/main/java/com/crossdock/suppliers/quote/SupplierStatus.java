package com.crossdock.suppliers.quote;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorCallOutcome;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/** How one supplier's part of an answer ended. */
public enum SupplierStatus {
    /** It answered. */
    OK,
    /** It did not answer within its own timeout ({@code crossdock.vendors.<name>.timeout}) or the answer's deadline. */
    TIMEOUT,
    /** Its circuit breaker is open: it failed too often lately and is not asked until the breaker half-opens. */
    BREAKER_OPEN,
    /** It answered with a failure, or an answer the gateway could not read (the detail says which). */
    ERROR,
    /** It does not have the operation (or it is not enabled for it in the capability matrix). */
    NOT_SUPPORTED;

    /** {@code ok}, {@code timeout}, {@code breaker-open}, {@code error}, {@code not-supported}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status a failed call stands for. */
    static SupplierStatus of(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof VendorCallException vendor) {
            if (vendor.outcome() == VendorCallOutcome.TIMEOUT) {
                return TIMEOUT;
            }
            if (vendor.getCause() instanceof CallNotPermittedException) {
                return BREAKER_OPEN;
            }
        }
        return failure instanceof CallNotPermittedException ? BREAKER_OPEN : ERROR;
    }

    /** What the caller may read about a failure: the vendor's status and words, never a credential. */
    static String detail(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within the deadline";
        }
        if (failure instanceof VendorCallException vendor) {
            String body = vendor.responseBody();
            return vendor.operation() + ": " + vendor.outcome().tag()
                    + (vendor.status() > 0 ? " HTTP " + vendor.status() : "")
                    + (body == null || body.isBlank() ? "" : " " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return failure.getMessage();
    }
}
