package com.crossdock.vendor.prodsmart;

import com.crossdock.platform.kafka.Retryability;

/**
 * A Prodsmart payload (a webhook body, a change-feed or list item) that does not fit its resource. It names the
 * field at fault ({@link #field()}): the ingress answers it as a 400 or dead-letters the raw webhook, the poller
 * sends the item to its raw topic with the message. Permanent: reading it again cannot help.
 */
public class InvalidPayloadException extends IllegalArgumentException implements Retryability {

    private final String field;
    private final boolean malformed;

    public InvalidPayloadException(String field, String message) {
        this(field, message, false);
    }

    private InvalidPayloadException(String field, String message, boolean malformed) {
        super(field + ": " + message);
        this.field = field;
        this.malformed = malformed;
    }

    /** The body is not JSON at all (as opposed to JSON that does not fit its resource). */
    static InvalidPayloadException malformed(String field, String message) {
        return new InvalidPayloadException(field, message, true);
    }

    public boolean malformed() {
        return malformed;
    }

    /** The part of the input at fault, e.g. {@code products[0].quantity-ordered}, or {@code body}. */
    public String field() {
        return field;
    }

    /** The message without the field prefix, for a problem's detail. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
