package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Sends matching dead letters back to the failing group's retry topic (or parks them), batch by batch. A batch's
 * position is committed to the replay's own consumer group only after its sends are acknowledged, and only up to
 * the first unacknowledged record of each partition: a crash or a failed send loses nothing and re-sends nothing
 * that was acknowledged.
 */
final class Replayer {

    /** Sends one record; the future completes when the broker acknowledged it (acks=all). */
    interface Sender {
        Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record);
    }

    /** What a dry run reports instead of sending: the dead letter and where it would go. */
    interface DryRunReport {
        void wouldSend(ConsumerRecord<byte[], byte[]> record, String target);
    }

    private record Pending(TopicPartition partition, long offset, Future<RecordMetadata> ack) {
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final Sender sender;
    private final Duration timeout;
    private final Clock clock;

    Replayer(Consumer<byte[], byte[]> consumer, Sender sender, Duration timeout, Clock clock) {
        this.consumer = consumer;
        this.sender = sender;
        this.timeout = timeout;
        this.clock = clock;
    }

    ReplayResult run(ReplayRequest request, List<TopicPartition> partitions, DryRunReport report) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = start(request, partitions);
        RatePacer pacer = new RatePacer(request.rate());
        long matched = 0;
        long replayed = 0;
        long parked = 0;
        while (!reached(end)) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            List<Pending> batch = new ArrayList<>();
            boolean limitReached = false;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(tp) || limitReached) {
                    continue;
                }
                if (request.maxCount() > 0 && replayed + parked >= request.maxCount()) {
                    limitReached = true;
                    continue;
                }
                Future<RecordMetadata> ack = null;
                if (request.filter().matches(record)) {
                    matched++;
                    boolean park = RecordHeaders.replayCount(record) >= request.maxReplays();
                    String target = park ? request.parkedTopic() : request.target();
                    if (park) {
                        parked++;
                    } else {
                        replayed++;
                    }
                    if (request.dryRun()) {
                        report.wouldSend(record, target);
                    } else {
                        pacer.acquire();
                        ack = sender.send(replay(record, target, park, request));
                    }
                }
                batch.add(new Pending(tp, record.offset(), ack));
            }
            String error = acknowledge(batch, request.dryRun());
            if (error != null) {
                return new ReplayResult(request.replayId(), matched, replayed, parked, false, error);
            }
            if (limitReached || request.maxCount() > 0 && replayed + parked >= request.maxCount() && !reached(end)) {
                return new ReplayResult(request.replayId(), matched, replayed, parked, false, null);
            }
        }
        return new ReplayResult(request.replayId(), matched, replayed, parked, true, null);
    }

    /** Seeks to the replay's committed position (the beginning the first time) and returns where to stop. */
    private Map<TopicPartition, Long> start(ReplayRequest request, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), timeout);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        RecordFilter filter = request.filter();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata position = committed.get(tp);
            long from = Math.max(begin.get(tp), position == null ? 0 : position.offset());
            if (filter.fromOffset() != null) {
                from = Math.max(from, filter.fromOffset());
            }
            if (filter.toOffset() != null) {
                end.put(tp, Math.min(end.get(tp), filter.toOffset() + 1));
            }
            consumer.seek(tp, Math.min(from, end.get(tp)));
        }
        return end;
    }

    private ProducerRecord<byte[], byte[]> replay(ConsumerRecord<byte[], byte[]> record, String target, boolean park, ReplayRequest request) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(target, null, record.key(), record.value());
        for (Header header : record.headers()) {
            out.headers().add(header.key(), header.value());
        }
        add(out, ReplayHeaders.ID, request.replayId());
        add(out, ReplayHeaders.TIME, clock.instant().toString());
        add(out, ReplayHeaders.OPERATOR, request.operator());
        add(out, ReplayHeaders.ORIGINAL_TOPIC, record.topic());
        add(out, ReplayHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(out, ReplayHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        if (park) {
            add(out, ReplayHeaders.PARKED_REASON, "failed again after " + RecordHeaders.replayCount(record)
                    + " replays (--max-replays " + request.maxReplays() + ")");
        } else {
            add(out, ReplayHeaders.COUNT, Integer.toString(RecordHeaders.replayCount(record) + 1));
        }
        return out;
    }

    /** Waits for the batch's acknowledgements and commits, per partition, up to the first record not acknowledged. */
    private String acknowledge(List<Pending> batch, boolean dryRun) {
        Map<TopicPartition, Long> commit = new HashMap<>();
        Set<TopicPartition> blocked = new HashSet<>();
        String error = null;
        for (Pending pending : batch) {
            if (blocked.contains(pending.partition())) {
                continue;
            }
            String failure = pending.ack() == null ? null : failure(pending.ack());
            if (failure != null) {
                blocked.add(pending.partition());
                error = error != null ? error : "send of " + pending.partition() + "@" + pending.offset() + " failed: " + failure;
            } else {
                commit.put(pending.partition(), pending.offset() + 1);
            }
        }
        if (!dryRun && !commit.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            commit.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(offsets, timeout);
        }
        return error;
    }

    private String failure(Future<RecordMetadata> ack) {
        try {
            ack.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            return "no acknowledgement within " + timeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), timeout) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
