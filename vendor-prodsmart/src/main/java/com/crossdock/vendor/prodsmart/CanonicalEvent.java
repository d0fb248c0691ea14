package com.crossdock.vendor.prodsmart;

import org.apache.avro.specific.SpecificRecord;

/** One canonical event to publish: where, under which key, and what. */
public record CanonicalEvent(String topic, String key, SpecificRecord event) {
}
