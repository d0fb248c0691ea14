package com.crossdock.platform.vendor;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.crossdock.platform.kafka.DeadLetterDetails;
import com.crossdock.platform.kafka.Retryability;

/**
 * A vendor call that failed, with the vendor's answer so that the caller can dead-letter it.
 * {@link #transientFailure()} tells a retry-later failure (5xx, 408, 429, I/O, timeout, rejection)
 * from a permanent one (any other 4xx, a 200 body classified as permanent).
 * The response body has secrets of the request redacted and is cut to {@value #MAX_BODY_CHARS} chars.
 */
public class VendorCallException extends RuntimeException implements Retryability, DeadLetterDetails {

    /** Dead-letter headers with the vendor's answer, so an operator sees why without the vendor's logs. */
    public static final String HEADER_VENDOR = "crossdock.vendor.name";
    public static final String HEADER_OPERATION = "crossdock.vendor.operation";
    public static final String HEADER_STATUS = "crossdock.vendor.status";
    public static final String HEADER_BODY = "crossdock.vendor.body";
    public static final String HEADER_OUTCOME = "crossdock.vendor.outcome";

    static final int MAX_BODY_CHARS = 8 * 1024;
    private static final int MESSAGE_BODY_CHARS = 300;

    private final String vendor;
    private final String operation;
    private final int status;
    private final String responseBody;
    private final Map<String, String> headers;
    private final Duration retryAfter;
    private final VendorCallOutcome outcome;

    VendorCallException(VendorCallOutcome outcome, String vendor, String operation, int status,
            String responseBody, Map<String, String> headers, Duration retryAfter, Throwable cause) {
        super(message(outcome, vendor, operation, status, truncate(responseBody)), cause);
        this.outcome = outcome;
        this.vendor = vendor;
        this.operation = operation;
        this.status = status;
        this.responseBody = truncate(responseBody);
        this.headers = Map.copyOf(headers);
        this.retryAfter = retryAfter;
    }

    /** A non-2xx answer: transient for 5xx, 408 and 429, permanent otherwise. */
    public static VendorCallException ofStatus(String vendor, String operation, int status, String body,
            Map<String, String> headers, Duration retryAfter) {
        VendorCallOutcome outcome = isTransientStatus(status)
                ? VendorCallOutcome.TRANSIENT_ERROR : VendorCallOutcome.CLIENT_ERROR;
        return new VendorCallException(outcome, vendor, operation, status, body, headers, retryAfter, null);
    }

    /** A 2xx answer whose body says failure. */
    public static VendorCallException ofBodyFailure(String vendor, String operation, int status,
            BodyFailure failure, Map<String, String> headers) {
        VendorCallOutcome outcome = failure.transientFailure()
                ? VendorCallOutcome.TRANSIENT_ERROR : VendorCallOutcome.CLIENT_ERROR;
        return new VendorCallException(outcome, vendor, operation, status, failure.detail(), headers,
                failure.retryAfter().orElse(null), null);
    }

    /** A transient failure without an HTTP answer: I/O error (status 0). */
    public static VendorCallException ofIoError(String vendor, String operation, Throwable cause) {
        return new VendorCallException(VendorCallOutcome.TRANSIENT_ERROR, vendor, operation, 0, "", Map.of(),
                null, cause);
    }

    /** The vendor did not answer within the policy's timeout (status 0). */
    public static VendorCallException ofTimeout(String vendor, String operation, Throwable cause) {
        return new VendorCallException(VendorCallOutcome.TIMEOUT, vendor, operation, 0, "", Map.of(), null, cause);
    }

    /** The policy did not send the call: breaker open, no rate-limit permit or bulkhead slot in time. */
    public static VendorCallException ofRejection(String vendor, String operation, Throwable cause) {
        return new VendorCallException(VendorCallOutcome.REJECTED, vendor, operation, 0, "", Map.of(), null,
                cause);
    }

    /**
     * Not sent: the vendor told this credential to wait longer than the policy holds calls in memory
     * ({@code max-retry-after}); {@link #retryAfter()} says how much of the wait is left, for a retry topic.
     */
    public static VendorCallException ofThrottled(String vendor, String operation, Duration wait) {
        return new VendorCallException(VendorCallOutcome.REJECTED, vendor, operation, 0,
                "the vendor asked every caller to wait " + wait, Map.of(), wait, null);
    }

    /** Whether the policy treats {@code status} as transient: 5xx, 408 Request Timeout, 429 Too Many Requests. */
    public static boolean isTransientStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    public String vendor() {
        return vendor;
    }

    public String operation() {
        return operation;
    }

    /** The HTTP status of the vendor's answer; 0 when there was none (I/O error, timeout, rejection). */
    public int status() {
        return status;
    }

    /** The vendor's answer (or a 200 body failure's detail), secrets redacted, at most 8 KB of chars. */
    public String responseBody() {
        return responseBody;
    }

    /** Selected response headers (content type, Retry-After, rate-limit and request-id headers). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The wait the vendor asked for, from {@code Retry-After} or the body. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public Map<String, String> deadLetterHeaders() {
        return Map.of(HEADER_VENDOR, vendor, HEADER_OPERATION, operation, HEADER_STATUS, Integer.toString(status),
                HEADER_BODY, responseBody, HEADER_OUTCOME, outcome.tag());
    }

    @Override
    public boolean transientFailure() {
        return outcome != VendorCallOutcome.CLIENT_ERROR;
    }

    /**
     * Whether the vendor may have served the request although the call failed (a timeout, a connection lost after
     * sending, a 5xx): what a destructive read answered may then be gone at the vendor. False when it provably was
     * not sent or not served (refused connection, the policy's own rejection, a 429, another 4xx).
     */
    public boolean mayHaveBeenServed() {
        return Failures.mayHaveBeenServed(this);
    }

    public VendorCallOutcome outcome() {
        return outcome;
    }

    private static String truncate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "...[truncated]";
    }

    private static String message(VendorCallOutcome outcome, String vendor, String operation, int status,
            String body) {
        String answer = status == 0 ? "no answer" : "HTTP " + status;
        String snippet = body.length() <= MESSAGE_BODY_CHARS ? body : body.substring(0, MESSAGE_BODY_CHARS) + "...";
        return vendor + " " + operation + " failed (" + outcome.tag() + "): " + answer
                + (snippet.isEmpty() ? "" : ": " + snippet);
    }
}
