package com.crossdock.ingress.webhook;

import java.time.Duration;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the webhook kit, for every provider ({@code crossdock.ingress.*}); a provider's own (its credential,
 * clock skew) are its own record, e.g. {@code crossdock.ingress.prodsmart.*}. Where deliveries wait while Kafka
 * cannot take them is the platform's spool, {@code crossdock.spool.directory}.
 *
 * @param maxBodyBytes the largest webhook body read; a larger one is refused with 413 while it is read. The body, the
 *        HTTP headers kept with it ({@code server.max-http-request-header-size}) and room for Crossdock's own headers
 *        ({@link #HEADER_ROOM}: ids, a dead letter's exception headers) must fit in
 *        {@code crossdock.kafka.max-record-size}, the topics' and the producer's limit, or the service refuses to
 *        start: a webhook answered 2xx must always be a record Kafka takes
 * @param kafkaAckTimeout how long a webhook waits for the broker's acknowledgement before it is spooled
 * @param dedupe the memory of delivery ids, one per provider
 * @param maxConcurrentUploads how many webhook bodies may be read at once; one more is answered 503 with
 *        {@code Retry-After} before its body is read, so N slow uploads hold at most this many bodies
 *        ({@code max-body-bytes} each) in memory, not N
 * @param requestTimeout how long a request may take to arrive whole (headers and body) and how long the connection may
 *        stay silent meanwhile; past it the connection is closed and the request is never answered 2xx (a slow client
 *        holds a connection and its buffers no longer than this). At the default 1 MB body limit, 30 s asks for at
 *        least ~35 KB/s
 */
@ConfigurationProperties("crossdock.ingress")
public record IngressProperties(
        @DefaultValue("1MB") DataSize maxBodyBytes,
        @DefaultValue("2s") Duration kafkaAckTimeout,
        @DefaultValue Dedupe dedupe,
        @DefaultValue("64") int maxConcurrentUploads,
        @DefaultValue("30s") Duration requestTimeout) {

    /** Room in a record for the headers Crossdock adds to a body: ids, times, and a dead letter's exception headers. */
    public static final DataSize HEADER_ROOM = DataSize.ofKilobytes(64);

    public IngressProperties {
        if (maxConcurrentUploads < 1) {
            throw new IllegalArgumentException("crossdock.ingress.max-concurrent-uploads must be at least 1, not "
                    + maxConcurrentUploads);
        }
    }

    /** Fails start-up when a body at the limit, with its headers, could be larger than Kafka takes. */
    public void requireRecordsFit(DataSize maxRecordSize, DataSize maxHttpHeaders) {
        long largest = maxBodyBytes.toBytes() + maxHttpHeaders.toBytes() + HEADER_ROOM.toBytes();
        if (largest > maxRecordSize.toBytes()) {
            throw new IllegalStateException("crossdock.ingress.max-body-bytes (" + maxBodyBytes.toBytes()
                    + " bytes) with server.max-http-request-header-size (" + maxHttpHeaders.toBytes()
                    + " bytes) and " + HEADER_ROOM.toBytes() + " bytes for Crossdock's headers makes records of up to "
                    + largest + " bytes, more than crossdock.kafka.max-record-size (" + maxRecordSize.toBytes()
                    + " bytes, the topics' max.message.bytes and the producer's max.request.size): lower the body "
                    + "limit or raise the record size");
        }
    }

    /**
     * @param window how long a delivery id is remembered (and how far back the memory is rebuilt from Kafka);
     *        at least 24 hours, the longest a provider might plausibly deliver a webhook twice
     * @param maximumEntries a hard bound on each provider's memory; past it the oldest ids go first. An id takes about
     *        200 bytes of heap, so the default 100,000 is about 20 MB per provider; raise it with the heap. An id
     *        forgotten early only lets a late repeat be stored again, which the event ids derived from it make harmless
     * @param retry the waits between rebuild attempts while Kafka cannot be read ({@code dedupe.retry.*}, see
     *        {@code Backoff}); each setting overrides only its component of a fixed 5 s, no jitter: fixed, because
     *        readiness waits for the rebuild and should come up soon after Kafka does. max-attempts must stay 0
     */
    public record Dedupe(
            @DefaultValue("25h") Duration window,
            @DefaultValue("100000") long maximumEntries,
            @NestedConfigurationProperty Backoff retry) {

        static final Backoff RETRY_DEFAULTS = Backoff.fixed(Duration.ofSeconds(5));

        public Dedupe {
            // giving up would keep readiness down for good
            retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS)
                    .requireNoAttemptLimit("crossdock.ingress.dedupe.retry.max-attempts").validated();
            if (window.compareTo(Duration.ofHours(24)) < 0) {
                throw new IllegalArgumentException("crossdock.ingress.dedupe.window must be at least 24h, not " + window);
            }
        }
    }
}
