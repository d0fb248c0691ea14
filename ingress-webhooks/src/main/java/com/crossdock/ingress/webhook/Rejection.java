package com.crossdock.ingress.webhook;

import com.crossdock.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Why the edge refused a webhook: the answer's status, the problem type and the metric's {@code reason} tag.
 * None of them is a 5xx (the provider did something wrong, not us), and none reaches a canonical topic.
 * A stale delivery (Prodsmart's {@code x-prodsmart-triggered-at}) is a 401, not a 400: the request is well-formed,
 * but a correctly signed old request is a replay, which is an authentication failure.
 */
enum Rejection {
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
    /** The request did not arrive whole within crossdock.ingress.request-timeout (a slow or stalled client). */
    TOO_SLOW(HttpStatus.REQUEST_TIMEOUT, "request-timeout"),
    SIGNATURE_MISSING(HttpStatus.UNAUTHORIZED, "signature-missing"),
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED, "signature-invalid"),
    TOKEN_MISSING(HttpStatus.UNAUTHORIZED, "token-missing"),
    TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "token-invalid"),
    STALE(HttpStatus.UNAUTHORIZED, "stale"),
    MISSING_HEADER(HttpStatus.BAD_REQUEST, "missing-header"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json"),
    INVALID_BODY(HttpStatus.BAD_REQUEST, "invalid-body");

    private final HttpStatus status;
    private final String reason;

    Rejection(HttpStatus status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    ErrorResponseException problem(String detail, String field) {
        return Problems.problem(status, "webhook-" + reason, detail, field);
    }
}
