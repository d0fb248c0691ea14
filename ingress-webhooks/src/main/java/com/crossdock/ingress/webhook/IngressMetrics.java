package com.crossdock.ingress.webhook;

import java.time.Duration;

import com.crossdock.ingress.webhook.store.RawWebhookStore.Destination;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One provider's meters, every one tagged {@code provider}. The meters of the normal path are registered once,
 * here, so that a webhook costs no meter lookup; only rejections, quarantined deliveries and mapped or unmapped
 * event types (rarer, with a tag of their own) are looked up when they happen.
 */
public final class IngressMetrics {

    public static final String RECEIVED = "crossdock.ingress.webhooks.received";
    /** Durable, tagged {@code destination}: {@code kafka}, or {@code spool} while Kafka cannot take them. */
    public static final String ACCEPTED = "crossdock.ingress.webhooks.accepted";
    public static final String REJECTED = "crossdock.ingress.webhooks.rejected";
    public static final String DUPLICATES = "crossdock.ingress.webhooks.duplicates";
    /**
     * Verified and stored on the provider's quarantine topic (also counted {@link #ACCEPTED}), tagged {@code reason}:
     * {@code stale}, {@code no-delivery-id} or {@code no-sending-time}.
     */
    public static final String QUARANTINED = "crossdock.ingress.webhooks.quarantined";
    public static final String PUBLISH_LATENCY = "crossdock.ingress.webhooks.publish.latency";
    public static final String UNMAPPED = "crossdock.ingress.webhooks.unmapped";
    public static final String MAPPED = "crossdock.ingress.webhooks.mapped";
    public static final String DEDUPE_SIZE = "crossdock.ingress.dedupe.size";
    public static final String PROVIDER = "provider";

    private final MeterRegistry registry;
    private final String provider;
    private final Counter received;
    private final Counter duplicates;
    private final Counter acceptedToKafka;
    private final Counter acceptedToSpool;
    private final Timer latencyToKafka;
    private final Timer latencyToSpool;

    public IngressMetrics(MeterRegistry registry, String provider) {
        this.registry = registry;
        this.provider = provider;
        this.received = registry.counter(RECEIVED, PROVIDER, provider);
        this.duplicates = registry.counter(DUPLICATES, PROVIDER, provider);
        this.acceptedToKafka = accepted("kafka");
        this.acceptedToSpool = accepted("spool");
        this.latencyToKafka = latency("kafka");
        this.latencyToSpool = latency("spool");
    }

    public void received() {
        received.increment();
    }

    /** Durable in Kafka or in the spool, {@code latency} after it was verified. */
    public void accepted(Destination destination, Duration latency) {
        if (destination == Destination.KAFKA) {
            acceptedToKafka.increment();
            latencyToKafka.record(latency);
        } else {
            acceptedToSpool.increment();
            latencyToSpool.record(latency);
        }
    }

    public void rejected(String reason) {
        registry.counter(REJECTED, PROVIDER, provider, "reason", reason).increment();
    }

    public void quarantined(String reason) {
        registry.counter(QUARANTINED, PROVIDER, provider, "reason", reason).increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    /** A raw webhook that no canonical event states yet (kept raw), by the provider's (bounded) event type. */
    public void unmapped(String eventType) {
        registry.counter(UNMAPPED, PROVIDER, provider, "topic", eventType).increment();
    }

    public void mapped(String eventType, int events) {
        registry.counter(MAPPED, PROVIDER, provider, "topic", eventType).increment(events);
    }

    private Counter accepted(String destination) {
        return registry.counter(ACCEPTED, PROVIDER, provider, "destination", destination);
    }

    private Timer latency(String destination) {
        return Timer.builder(PUBLISH_LATENCY).tags(PROVIDER, provider, "destination", destination)
                .description("from a verified webhook to the broker's (or the spool's fsync) acknowledgement")
                .publishPercentileHistogram().register(registry);
    }
}
