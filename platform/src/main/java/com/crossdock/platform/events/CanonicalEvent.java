package com.crossdock.platform.events;

import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

/**
 * One canonical event to publish: where ({@code Topics}), under which key, and what. A vendor library's mapping
 * returns these; the webhook kit's mapper stage publishes them ({@link EventPublisher#publish(CanonicalEvent)}), the
 * poller kit persists them ({@code Outgoing.event}).
 */
public record CanonicalEvent(String topic, String key, SpecificRecord event) {

    public CanonicalEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
    }
}
