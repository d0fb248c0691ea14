package com.crossdock.platform.poller;

import java.util.Map;

import com.crossdock.platform.events.CanonicalEvent;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record bound for Kafka: a canonical event, or raw bytes (with headers saying where they came from). A source
 * says what it read as these; the kit encodes them to bytes ({@link RecordEncoder}) and persists them.
 */
public record Outgoing(String topic, String key, SpecificRecord event, byte[] raw, Map<String, String> headers) {

    public static Outgoing event(CanonicalEvent event) {
        return new Outgoing(event.topic(), event.key(), event.event(), null, Map.of());
    }

    public static Outgoing raw(String topic, String key, byte[] raw, Map<String, String> headers) {
        return new Outgoing(topic, key, null, raw, Map.copyOf(headers));
    }
}
