package com.crossdock.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.crossdock.events.Envelope;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.TenantScope;

/**
 * Builds the envelope every canonical event carries. The event id is derived from the source's own delivery id
 * (a name-based UUID), so a delivery that arrives twice, or is replayed, yields the same event id and every
 * consumer's dedupe sees one fact.
 */
public final class Envelopes {

    private final Clock clock;

    public Envelopes(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param idSeed what makes this fact unique at the source, e.g. {@code prodsmart-webhook:<uuid>:<index>}
     */
    public Envelope envelope(SourceSystem source, String sourceId, Instant occurredAt, String correlationId,
            String idSeed, TenantScope tenant) {
        return Envelope.newBuilder()
                .setEventId(eventId(idSeed))
                .setOccurredAt(occurredAt)
                .setPublishedAt(clock.instant())
                .setSourceSystem(source)
                .setSourceId(sourceId)
                .setCorrelationId(correlationId)
                .setTenant(tenant)
                .build();
    }

    public static UUID eventId(String idSeed) {
        return UUID.nameUUIDFromBytes(("crossdock:" + idSeed).getBytes(StandardCharsets.UTF_8));
    }
}
