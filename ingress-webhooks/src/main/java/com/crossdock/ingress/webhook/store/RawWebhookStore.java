package com.crossdock.ingress.webhook.store;

import java.time.Duration;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes a verified webhook durable before the provider gets its 2xx (Prodsmart never retries, VENDORS.md), for
 * every provider alike (one spool for the service: the spooled record keeps its raw topic):
 * in Kafka with acks=all when the broker acknowledges within the ack timeout, otherwise fsync'd in the local
 * {@link DurableSpool}, which the spool drainer empties into Kafka, in order, once it is back. While the
 * spool holds anything, new webhooks are spooled too, so they stay behind the ones waiting.
 * A send that timed out may still reach Kafka later, next to its spooled copy: the event ids derived from the
 * delivery id make that duplicate harmless downstream.
 */
public final class RawWebhookStore {

    /** Where a webhook was made durable. */
    public enum Destination { KAFKA, SPOOL }

    private static final Logger log = LoggerFactory.getLogger(RawWebhookStore.class);
    private static final ContextSnapshotFactory THREAD_LOCALS = ContextSnapshotFactory.builder().build();

    private final RawRecordSender sender;
    private final DurableSpool spool;
    private final Runnable drainNow;
    private final Duration ackTimeout;

    public RawWebhookStore(RawRecordSender sender, DurableSpool spool, Runnable drainNow, Duration ackTimeout) {
        this.sender = sender;
        this.spool = spool;
        this.drainNow = drainNow;
        this.ackTimeout = ackTimeout;
    }

    /** Completes once the record is acknowledged by Kafka or fsync'd in the spool; fails only if neither. */
    public Mono<Destination> store(ProducerRecord<byte[], byte[]> record) {
        if (!spool.isEmpty()) {
            return spool(record);
        }
        // send() blocks for up to max.block.ms while it has no metadata: never on the event loop. It runs with the
        // caller's Reactor context in the thread locals (the trace the record's traceparent continues, docs/tracing.md)
        return Mono.deferContextual(caller -> {
                    try (ContextSnapshot.Scope scope = THREAD_LOCALS.setThreadLocalsFrom(caller)) {
                        return Mono.fromFuture(sender.send(record));
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(ackTimeout)
                .publishOn(Schedulers.parallel())
                .thenReturn(Destination.KAFKA)
                .onErrorResume(failure -> {
                    log.warn("Kafka did not acknowledge a webhook within {} ({}); spooling it", ackTimeout, failure.toString());
                    return spool(record);
                });
    }

    private Mono<Destination> spool(ProducerRecord<byte[], byte[]> record) {
        // the spool completes its futures on its one writer thread: continue elsewhere
        return Mono.fromFuture(() -> spool.appendAsync(KafkaSpoolRecords.fromProducerRecord(record)))
                .publishOn(Schedulers.parallel())
                .doOnSuccess(done -> drainNow.run())
                .thenReturn(Destination.SPOOL);
    }
}
