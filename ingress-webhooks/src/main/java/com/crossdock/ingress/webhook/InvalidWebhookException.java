package com.crossdock.ingress.webhook;

import com.crossdock.platform.kafka.Retryability;

/**
 * A delivery whose content does not fit, naming the field at fault: at the edge it is answered 400
 * ({@code webhook-malformed-json} or {@code webhook-invalid-body}); in a mapper stage it sends the raw record to
 * the group's dead-letter topic. Permanent: reading it again cannot help.
 */
public class InvalidWebhookException extends IllegalArgumentException implements Retryability {

    private final String field;
    private final String reason;
    private final boolean malformed;

    /**
     * @param field     the part at fault, e.g. {@code ids[0]}, a header name, or {@code body}
     * @param reason    what is wrong with it, for a problem's detail
     * @param malformed the body is not JSON at all (as opposed to JSON that does not fit)
     */
    public InvalidWebhookException(String field, String reason, boolean malformed) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
        this.malformed = malformed;
    }

    public InvalidWebhookException(String field, String reason) {
        this(field, reason, false);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public boolean malformed() {
        return malformed;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
