package com.crossdock.paqtana.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;

/**
 * How far the view has read each partition, against the end offsets seen at start-up. The view is caught up
 * (and the service ready) once every partition has been read up to its start-up end; from then on it only
 * follows. It also counts the poison records the view left out: a view that skipped one is not complete.
 */
public final class ViewProgress {

    private final Map<TopicPartition, Long> targets = new HashMap<>();
    /** The next offset to read per partition (the last applied offset + 1). */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final List<Runnable> caughtUpListeners = new CopyOnWriteArrayList<>();
    private boolean started;
    private volatile boolean caughtUp;
    private final AtomicLong skipped = new AtomicLong();
    private final long skippedAllowed;

    /** A view that must read everything: no skipped record allowed. */
    public ViewProgress() {
        this(0);
    }

    /**
     * @param skippedAllowed poison records an operator has looked at and lets the view leave out
     *                       ({@code crossdock.paqtana.skipped-records-allowed})
     */
    public ViewProgress(long skippedAllowed) {
        this.skippedAllowed = skippedAllowed;
    }

    /** Runs {@code listener} once, on the thread that completes the catch-up. */
    public void onCaughtUp(Runnable listener) {
        caughtUpListeners.add(listener);
    }

    /** The partitions to read and their end offsets now; a partition already at its start counts as read. */
    public void start(Map<TopicPartition, Long> beginnings, Map<TopicPartition, Long> ends) {
        synchronized (this) {
            targets.putAll(ends);
            beginnings.forEach(positions::put);
            started = true;
        }
        checkCaughtUp();
    }

    /** The record at {@code offset} has been applied (or skipped as unreadable). */
    public void applied(TopicPartition partition, long offset) {
        advance(partition, offset + 1);
    }

    /** The consumer's position: what lies before it has been read (it can skip gaps such as aborted batches). */
    public void advance(TopicPartition partition, long position) {
        synchronized (this) {
            positions.merge(partition, position, Math::max);
        }
        checkCaughtUp();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** A record that can never be decoded (poison) was left out of the view: the view is no longer complete. */
    public void skipped(TopicPartition partition, long offset) {
        skipped.incrementAndGet();
        applied(partition, offset);
    }

    /** Poison records left out since the start: while any, the view is not the whole truth. */
    public long skippedRecords() {
        return skipped.get();
    }

    /**
     * Caught up with nothing skipped (beyond what the operator allowed): only then is the view the whole truth that a master-inventory PUT may
     * replace Paqtana's rows with.
     */
    public boolean complete() {
        return caughtUp && skipped.get() <= skippedAllowed;
    }

    /** Records still to read until the start-up ends, over all partitions (0 once caught up). */
    public synchronized long lag() {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            lag += Math.max(0, target.getValue() - positions.getOrDefault(target.getKey(), 0L));
        }
        return lag;
    }

    private void checkCaughtUp() {
        synchronized (this) {
            if (caughtUp || !started || lag() > 0) {
                return;
            }
            caughtUp = true;
        }
        caughtUpListeners.forEach(Runnable::run);
    }
}
