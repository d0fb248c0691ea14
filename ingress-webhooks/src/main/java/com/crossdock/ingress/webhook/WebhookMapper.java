package com.crossdock.ingress.webhook;

import java.util.List;

import com.crossdock.platform.events.CanonicalEvent;

/**
 * A provider's mapping from a raw delivery to canonical events, run by its {@link WebhookMapperStage}. Pure: a
 * function of the raw record. It throws when the record cannot be mapped (an exception that says it is not
 * transient, such as {@link InvalidWebhookException}, sends it to the group's dead-letter topic at once); it
 * derives its events' ids from the delivery id, so a duplicate delivery or a replay yields the same events.
 */
@FunctionalInterface
public interface WebhookMapper {

    Mapping map(RawDelivery delivery);

    /**
     * @param eventType the delivery's event type as the metrics' {@code topic} tag: a bounded set of names (unknown
     *                  types folded into one), never the raw value a sender chose
     * @param events    what the delivery states; empty when it is kept raw
     * @param keptRaw   no canonical event states this event type yet: kept on the raw topic, and counted
     */
    record Mapping(String eventType, List<CanonicalEvent> events, boolean keptRaw) {

        public Mapping {
            events = List.copyOf(events);
        }

        public static Mapping of(String eventType, List<CanonicalEvent> events) {
            return new Mapping(eventType, events, false);
        }

        public static Mapping keptRaw(String eventType) {
            return new Mapping(eventType, List.of(), true);
        }
    }
}
