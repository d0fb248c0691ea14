package com.crossdock.ingress.webhook.store;

import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Makes a verified webhook durable before the provider gets its 2xx (Prodsmart never retries, VENDORS.md), for
 * every provider alike (one spool for the service: the spooled record keeps its raw topic):
 * in Kafka with acks=all when the broker acknowledges within the ack timeout, otherwise fsync'd in the local
 * {@link DurableSpool}, which the spool drainer empties into Kafka, in order, once it is back. While the
 * spool holds anything, new webhooks are spooled too, so they stay behind the ones waiting.
 * A send that timed out may still reach Kafka later, next to its spooled copy: the event ids derived from the
 * delivery id make that duplicate harmless downstream.
 * <p>
 * Lean on the normal path (issue 15): once a topic has had a send acknowledged, {@code send()} is called on the
 * caller's thread (the producer has the topic's metadata then, so it only appends to its buffer) and the answer
 * continues on the producer's thread, with no hop to another scheduler; the ack timeout is one queue of deadlines
 * swept every tick, not a timer per webhook. Until a topic has had an acknowledged send (a start, or since Kafka
 * failed to acknowledge one), {@code send()}, which then blocks up to {@code max.block.ms} for metadata, runs on
 * {@code boundedElastic}, never on an event loop.
 */
public final class RawWebhookStore implements AutoCloseable {

    /** Where a webhook was made durable. */
    public enum Destination { KAFKA, SPOOL }

    private static final Logger log = LoggerFactory.getLogger(RawWebhookStore.class);
    /** Off the event loop. */
    private static final Executor BLOCKING = task -> Schedulers.boundedElastic().schedule(task);
    private static final Executor ELSEWHERE = task -> Schedulers.parallel().schedule(task);

    /** A send waiting for its acknowledgement until {@code deadline} ({@link System#nanoTime}). */
    private record Waiting(long deadline, CompletableFuture<Destination> acknowledged) {
    }

    private final RawRecordSender sender;
    private final DurableSpool spool;
    private final Runnable drainNow;
    private final Duration ackTimeout;
    private final long ackTimeoutNanos;
    /** The topics whose last send Kafka acknowledged: their metadata is in the producer. */
    private final Set<String> acknowledgedTopics = ConcurrentHashMap.newKeySet();
    /** In the order of their deadlines, since every send waits the same ack timeout. */
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final Disposable sweeper;

    public RawWebhookStore(RawRecordSender sender, DurableSpool spool, Runnable drainNow, Duration ackTimeout) {
        this.sender = sender;
        this.spool = spool;
        this.drainNow = drainNow;
        this.ackTimeout = ackTimeout;
        this.ackTimeoutNanos = ackTimeout.toNanos();
        // a timeout fires at most a twentieth of the ack timeout late (100 ms of the default 2 s)
        long tick = Math.max(5, Math.min(100, ackTimeout.toMillis() / 20));
        this.sweeper = Schedulers.parallel().schedulePeriodically(this::expire, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Completes once the record is acknowledged by Kafka or fsync'd in the spool; fails only if neither. Runs to its
     * end whether or not anyone waits for it. The record goes as it is ({@link RawRecordSender#sendAsIs}): the send is
     * not observed, so a traceparent the provider sent, kept in its headers, is the one Kafka gets (docs/tracing.md).
     */
    public CompletableFuture<Destination> store(ProducerRecord<byte[], byte[]> record) {
        if (!spool.isEmpty()) {
            return spool(record);
        }
        CompletableFuture<Destination> acknowledged = new CompletableFuture<>();
        send(record).whenComplete((result, failure) -> {
            if (failure == null) {
                if (!acknowledgedTopics.contains(record.topic())) { // a read, not a write, on the usual path
                    acknowledgedTopics.add(record.topic());
                }
                acknowledged.complete(Destination.KAFKA);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        if (!acknowledged.isDone()) {
            waiting.add(new Waiting(System.nanoTime() + ackTimeoutNanos, acknowledged));
        }
        // the spool's append is not for the producer's thread or the sweeper's: it continues elsewhere
        return acknowledged.exceptionallyComposeAsync(failure -> {
            acknowledgedTopics.remove(record.topic());
            log.warn("Kafka did not acknowledge a webhook within {} ({}); spooling it", ackTimeout, failure.toString());
            return spool(record);
        }, ELSEWHERE);
    }

    private CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record) {
        if (acknowledgedTopics.contains(record.topic())) {
            try {
                return sender.sendAsIs(record);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        // send() blocks for up to max.block.ms while it has no metadata: never on the event loop
        return CompletableFuture.supplyAsync(() -> sender.sendAsIs(record), BLOCKING).thenCompose(sent -> sent);
    }

    private CompletableFuture<Destination> spool(ProducerRecord<byte[], byte[]> record) {
        // the spool completes its futures on its one writer thread: continue elsewhere
        return spool.appendAsync(KafkaSpoolRecords.fromProducerRecord(record))
                .thenApplyAsync(done -> {
                    drainNow.run();
                    return Destination.SPOOL;
                }, ELSEWHERE);
    }

    /** Fails the sends whose ack timeout has passed; drops the ones acknowledged already. */
    private void expire() {
        long now = System.nanoTime();
        for (Waiting next = waiting.peek(); next != null; next = waiting.peek()) {
            if (!next.acknowledged().isDone() && next.deadline() - now > 0) {
                return;
            }
            waiting.poll();
            if (!next.acknowledged().isDone()) {
                next.acknowledged().completeExceptionally(new TimeoutException("no acknowledgement within " + ackTimeout));
            }
        }
    }

    @Override
    public void close() {
        sweeper.dispose();
    }
}
