package com.crossdock.sandbox.received;

import java.time.Instant;

/**
 * One request a vendor fake received, as the read-only inspection endpoints list it.
 *
 * @param query      the raw query string, null when there was none
 * @param status     the HTTP status the sandbox answered
 * @param bodyBytes  the request body size: its Content-Length when sent, else the bytes read
 * @param faulted    true when an injected fault answered instead of the vendor fake
 * @param traceparent the request's W3C trace context header, null without one: which trace the call was made in
 *                    (docs/tracing.md); no other header is kept (they carry the callers' credentials)
 */
public record ReceivedRequest(String method, String path, String query, int status, long bodyBytes,
                              Instant receivedAt, long durationMs, boolean faulted, String traceparent) {
}
