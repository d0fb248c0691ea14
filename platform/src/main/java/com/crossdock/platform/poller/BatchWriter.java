package com.crossdock.platform.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolDrainer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one batch durable before the caller reads again: a destructive read (Prodsmart's feed, VENDORS.md) exists
 * nowhere else, and a cursor-based read must not move its cursor past what is not saved. Kafka first (acks=all);
 * what Kafka has not acknowledged within the timeout goes to the durable spool (fsync'd). While the spool holds
 * anything, new batches go behind it, keeping the order. It returns only once every record is in Kafka or in the
 * spool; until then it retries, and the caller reads nothing more.
 */
public final class BatchWriter {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final RecordSink sink;
    private final DurableSpool spool;
    private final SpoolDrainer drainer;
    private final Duration kafkaTimeout;
    private final Backoff retry;
    private final PollerMetrics metrics;

    /**
     * @param retry the waits while neither Kafka nor the spool takes a batch ({@code feed.retry}); an attempt limit is
     *              refused where it is bound ({@link FeedSettings}) and would be ignored here: the batch exists nowhere
     *              else
     */
    BatchWriter(RecordSink sink, DurableSpool spool, SpoolDrainer drainer, Duration kafkaTimeout, Backoff retry,
            PollerMetrics metrics) {
        this.sink = sink;
        this.spool = spool;
        this.drainer = drainer;
        this.kafkaTimeout = kafkaTimeout;
        this.retry = retry.validated();
        this.metrics = metrics;
    }

    public void persist(List<ProducerRecord<byte[], byte[]>> batch) throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> pending = batch;
        Backoff.Sequence waits = retry.sequence();
        while (!pending.isEmpty()) {
            if (spool.isEmpty()) {
                pending = sendToKafka(pending);
                if (pending.isEmpty()) {
                    return;
                }
            }
            if (appendToSpool(pending)) {
                metrics.spooled(pending.size());
                drainer.drainNow();
                return;
            }
            Duration wait = waits.next();
            log.error("{} {} records are neither in Kafka nor in the spool; retrying in {} before any further read",
                    pending.size(), metrics.vendor(), wait);
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        }
    }

    /** The records Kafka did not acknowledge in time. */
    private List<ProducerRecord<byte[], byte[]>> sendToKafka(List<ProducerRecord<byte[], byte[]>> records)
            throws InterruptedException {
        List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            CompletableFuture<?> send;
            try {
                send = sink.send(record);
            } catch (RuntimeException refused) {
                send = CompletableFuture.failedFuture(refused);
            }
            sends.add(send);
        }
        long deadline = System.nanoTime() + kafkaTimeout.toNanos();
        List<ProducerRecord<byte[], byte[]>> unacknowledged = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                throw interrupted;
            } catch (Exception failed) {
                unacknowledged.add(records.get(i));
            }
        }
        if (!unacknowledged.isEmpty()) {
            log.warn("Kafka did not acknowledge {} of {} {} records within {}; spooling them",
                    unacknowledged.size(), records.size(), metrics.vendor(), kafkaTimeout);
        }
        return unacknowledged;
    }

    private boolean appendToSpool(List<ProducerRecord<byte[], byte[]>> records) throws InterruptedException {
        List<CompletableFuture<Void>> appends = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            appends.add(spool.appendAsync(KafkaSpoolRecords.fromProducerRecord(record)));
        }
        try {
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(kafkaTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (Exception failed) {
            log.error("Spool append failed: {}", failed.toString());
            return false;
        }
    }
}
