package com.crossdock.ingress.store;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The ingress's meters; every webhook meter is tagged with its provider. */
public final class IngressMetrics {

    public static final String RECEIVED = "crossdock.ingress.webhooks.received";
    public static final String ACCEPTED = "crossdock.ingress.webhooks.accepted";
    public static final String REJECTED = "crossdock.ingress.webhooks.rejected";
    public static final String DUPLICATES = "crossdock.ingress.webhooks.duplicates";
    public static final String SPOOLED = "crossdock.ingress.webhooks.spooled";
    public static final String PUBLISH_LATENCY = "crossdock.ingress.webhooks.publish.latency";
    public static final String UNMAPPED = "crossdock.ingress.webhooks.unmapped";
    public static final String MAPPED = "crossdock.ingress.webhooks.mapped";

    private final MeterRegistry registry;
    private final String provider;

    public IngressMetrics(MeterRegistry registry, String provider) {
        this.registry = registry;
        this.provider = provider;
    }

    public void received() {
        registry.counter(RECEIVED, "provider", provider).increment();
    }

    /** @param destination {@code kafka} or {@code spool} */
    public void accepted(String destination, Duration latency) {
        registry.counter(ACCEPTED, "provider", provider, "destination", destination).increment();
        Timer.builder(PUBLISH_LATENCY).tags("provider", provider, "destination", destination)
                .description("from a verified webhook to the broker's (or the spool's fsync) acknowledgement")
                .publishPercentileHistogram().register(registry).record(latency);
    }

    public void rejected(String reason) {
        registry.counter(REJECTED, "provider", provider, "reason", reason).increment();
    }

    public void duplicate() {
        registry.counter(DUPLICATES, "provider", provider).increment();
    }

    public void spooled() {
        registry.counter(SPOOLED, "provider", provider).increment();
    }

    /** A raw webhook that no canonical event states yet (kept raw), by normalised topic. */
    public void unmapped(String topic) {
        registry.counter(UNMAPPED, "provider", provider, "topic", topic).increment();
    }

    public void mapped(String topic, int events) {
        registry.counter(MAPPED, "provider", provider, "topic", topic).increment(events);
    }
}
