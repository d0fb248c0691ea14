package com.crossdock.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Clear {@code application/problem+json} answers (RFC 9457). Thrown from a handler, Spring renders them; the
 * {@code field} property names the part of the input at fault. Never put a secret or a stack trace in one.
 */
public final class Problems {

    static final String TYPE_BASE = "https://crossdock.dev/problems/";

    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new ErrorResponseException(status, problem, null);
    }
}
