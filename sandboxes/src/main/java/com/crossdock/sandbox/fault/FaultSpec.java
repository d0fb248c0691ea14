package com.crossdock.sandbox.fault;

import tools.jackson.databind.JsonNode;

/**
 * What the next requests to one vendor prefix should suffer.
 *
 * @param status            the HTTP status to answer instead of the vendor fake; null = answer normally
 *                          (latency only)
 * @param count             how many requests it applies to; null = until cleared
 * @param latencyMs         delay added before answering (the fault or the normal answer); null/0 = none
 * @param retryAfterSeconds sent as {@code Retry-After} (Prodsmart's 429 carries one); null = no header
 * @param body              the JSON body of the fault answer; null = a small default body
 * @param afterServing      true: the vendor fake serves the request first (its effects happen: a change feed
 *                          removes what it answers), then the fault applies to the answer: the latency delays it
 *                          (past a client's timeout, the answer is lost in transit), a status replaces it (a 5xx
 *                          after serving); null/false = the fault answers before the fake sees the request
 * @param reset             with {@code afterServing}: the answer is dropped and the TCP connection reset (SO_LINGER 0,
 *                          close: the client reads a RST, not a response), after {@code latencyMs}; the request
 *                          was served, its effects happened (a change-feed page is gone): an answer served, then the
 *                          connection reset
 * @param method            only requests of this HTTP method (a create, not the lookup before it, both under one
 *                          path); null = any
 */
public record FaultSpec(Integer status, Integer count, Long latencyMs, Integer retryAfterSeconds, JsonNode body,
                        Boolean afterServing, Boolean reset, String method) {

    public FaultSpec(Integer status, Integer count, Long latencyMs, Integer retryAfterSeconds, JsonNode body,
                     Boolean afterServing) {
        this(status, count, latencyMs, retryAfterSeconds, body, afterServing, null, null);
    }

    /** Why this spec cannot be applied, or null when it is valid. */
    String problem() {
        if (resets() && !servesFirst()) {
            return "reset needs afterServing: the request is served, then the connection reset";
        }
        if (resets() && status != null) {
            return "reset answers nothing: leave status out";
        }
        if (status == null && (latencyMs == null || latencyMs <= 0) && !resets()) {
            return "a fault needs a status, a latencyMs, a reset, or a combination";
        }
        if (status != null && (status < 100 || status > 599)) {
            return "status must be an HTTP status (100-599)";
        }
        if (count != null && count < 1) {
            return "count must be at least 1 (omit it for a fault that lasts until cleared)";
        }
        if (latencyMs != null && (latencyMs < 0 || latencyMs > 600_000)) {
            return "latencyMs must be between 0 and 600000";
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            return "retryAfterSeconds must not be negative";
        }
        return null;
    }

    boolean hasBody() {
        return body != null && !body.isNull() && !body.isMissingNode();
    }

    boolean servesFirst() {
        return Boolean.TRUE.equals(afterServing);
    }

    boolean applies(String requestMethod) {
        return method == null || method.equalsIgnoreCase(requestMethod);
    }

    boolean resets() {
        return Boolean.TRUE.equals(reset);
    }

    long latency() {
        return latencyMs == null ? 0 : latencyMs;
    }
}
