package com.crossdock.ingress.webhook;

import java.util.Optional;

/**
 * What the edge checks of an authenticated body before it is stored, and the raw record's key it finds there.
 * Prodsmart's runs the mapper's own parser, so that what the edge accepts the mapper can read; a provider
 * without one ({@link #NONE}) has its body checked by its mapper stage only, and is keyed by delivery id.
 */
@FunctionalInterface
public interface BodyCheck {

    /** Checks nothing; the record is keyed by the delivery id. */
    BodyCheck NONE = (eventType, body) -> Optional.empty();

    /**
     * @param eventType the delivery's event type as sent; null when it names none
     * @return the raw record's key (e.g. the id of the entity, so that the deliveries about it stay in order on
     *         one partition); empty to key it by the delivery id
     * @throws InvalidWebhookException naming the field at fault, answered 400
     */
    Optional<String> check(String eventType, byte[] body);
}
