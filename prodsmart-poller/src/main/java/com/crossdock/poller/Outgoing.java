package com.crossdock.poller;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record bound for Kafka: a canonical event, or raw bytes for the raw topic (with headers saying
 * where they came from). Encoding to bytes happens later, in {@link RecordEncoder}.
 */
record Outgoing(String topic, String key, SpecificRecord event, byte[] raw, Map<String, String> headers) {

    static Outgoing event(String topic, String key, SpecificRecord event) {
        return new Outgoing(topic, key, event, null, Map.of());
    }

    static Outgoing raw(String topic, String key, byte[] raw, Map<String, String> headers) {
        return new Outgoing(topic, key, null, raw, Map.copyOf(headers));
    }
}
