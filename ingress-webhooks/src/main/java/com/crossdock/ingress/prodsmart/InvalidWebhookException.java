package com.crossdock.ingress.prodsmart;

import com.crossdock.platform.kafka.Retryability;

/**
 * A webhook body that does not fit its topic. At the edge it becomes a 400 naming {@link #field()}; in the
 * mapper stage it is permanent (retrying cannot help), so the raw record goes straight to the dead-letter topic.
 */
public class InvalidWebhookException extends RuntimeException implements Retryability {

    private final String field;

    public InvalidWebhookException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
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
