package com.crossdock.ingress.webhook;

import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * Where a provider puts one piece of a delivery: a request header (read case-insensitively) or a top-level
 * field of its JSON body (Optimakers puts its id, event source and token there).
 *
 * @param name a header name (kept in lower case, as the raw record stores header names) or a body field name
 */
public record RequestField(Place place, String name) {

    /** A header or a top-level field of the JSON body. */
    public enum Place { HEADER, BODY }

    public RequestField {
        if (place == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a request field needs a place and a name");
        }
        name = place == Place.HEADER ? name.toLowerCase(Locale.ROOT) : name;
    }

    public static RequestField header(String name) {
        return new RequestField(Place.HEADER, name);
    }

    public static RequestField body(String name) {
        return new RequestField(Place.BODY, name);
    }

    public boolean inBody() {
        return place == Place.BODY;
    }

    /** Its value in this request; null when absent (or, in the body, not text or a number). */
    String read(HttpHeaders headers, BodyFields body) {
        return place == Place.HEADER ? headers.getFirst(name) : body.value(name);
    }

    /** The refusal of a missing or unusable value: a missing header, or a body that does not fit. */
    Rejection missing() {
        return place == Place.HEADER ? Rejection.MISSING_HEADER : Rejection.INVALID_BODY;
    }
}
