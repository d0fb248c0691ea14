package com.crossdock.ingress.prodsmart;

import com.crossdock.platform.kafka.Retryability;

/**
 * A webhook body that does not fit its topic. At the edge it becomes a 400 naming {@link #field()}; in the
 * mapper stage it is permanent (retrying cannot help), so the raw record goes straight to the dead-letter topic.
 */
public class InvalidWebhookException extends RuntimeException implements Retryability {

    private final String field;
    private final boolean malformed;

    public InvalidWebhookException(String field, String message) {
        this(field, message, false);
    }

    private InvalidWebhookException(String field, String message, boolean malformed) {
        super(field + ": " + message);
        this.field = field;
        this.malformed = malformed;
    }

    /** The body is not JSON at all (as opposed to JSON that does not fit its topic). */
    static InvalidWebhookException malformed(String field, String message) {
        return new InvalidWebhookException(field, message, true);
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
