package com.crossdock.platform.spool;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The drain side of a {@link DurableSpool}: reads records from the acknowledged position on, hands them
 * to the {@link DurableSpool.Sender}, and moves the position only past acknowledged records. One run at
 * a time (a lock), so two drains never send the same record side by side.
 */
final class DrainLoop implements AutoCloseable {

    private record InFlight(SpoolRecord record, CompletableFuture<?> ack, long next) {
    }

    /** Where a record Kafka refused for good goes, durably, so that the drain can move past it. */
    @FunctionalInterface
    interface SetAside {
        void keep(SpoolRecord record, Throwable refusal) throws IOException;
    }

    private final SpoolDirectory dir;
    private final SpoolOptions options;
    private final LongSupplier durableEnd;
    private final Runnable onAcknowledged;
    private final SetAside setAside;
    private final LogCursor cursor;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong corruptions = new AtomicLong();
    private volatile long acknowledged;
    /** The position last written to the position file: records before it are never sent again, even after a crash. */
    private volatile long persisted;

    /** {@code setAside} null: a failed record always stops the drain (the set-aside spool itself). */
    DrainLoop(SpoolDirectory dir, SpoolOptions options, long position, LongSupplier durableEnd,
            Runnable onAcknowledged, SetAside setAside) {
        this.setAside = setAside;
        this.dir = dir;
        this.options = options;
        this.acknowledged = position;
        this.persisted = position;
        this.durableEnd = durableEnd;
        this.onAcknowledged = onAcknowledged;
        this.cursor = new LogCursor(dir);
    }

    long acknowledged() {
        return acknowledged;
    }

    long persisted() {
        return persisted;
    }

    long corruptions() {
        return corruptions.get();
    }

    DrainResult run(DurableSpool.Sender sender, BooleanSupplier stopRequested) {
        lock.lock();
        try {
            Deque<InFlight> inFlight = new ArrayDeque<>();
            long readAt = acknowledged;
            long delivered = 0;
            long uncommitted = 0;
            Throwable failure = null;
            IOException unreadable = null;
            while (true) {
                while (unreadable == null && inFlight.size() < options.maxInFlight()
                        && !stopRequested.getAsBoolean()) {
                    FrameReader.Result next;
                    try {
                        next = cursor.read(readAt, durableEnd.getAsLong());
                    } catch (IOException e) {
                        unreadable = unreadable(e);
                        break;
                    }
                    if (next.status() != FrameReader.Status.OK) {
                        break;
                    }
                    inFlight.add(new InFlight(next.record(), send(sender, next.record()), next.next()));
                    readAt = next.next();
                }
                InFlight head = inFlight.poll();
                if (head == null) {
                    break;
                }
                failure = await(head.ack());
                boolean keptAside = false;
                if (failure != null && setAside != null && sender.refusedForGood(failure)) {
                    // Kafka will never take this record as it is: retrying it would hold every record behind it.
                    failure = keepAside(head.record(), failure);
                    keptAside = failure == null;
                }
                if (failure != null) {
                    break;
                }
                acknowledged = head.next();
                onAcknowledged.run();
                delivered += keptAside ? 0 : 1;
                if (++uncommitted >= options.commitEveryRecords()) {
                    uncommitted = 0;
                    failure = persistPosition();
                    if (failure != null) {
                        break;
                    }
                }
            }
            Throwable stoppedBy = failure != null ? failure : unreadable;
            if (uncommitted > 0) {
                IOException notPersisted = persistPosition();
                stoppedBy = stoppedBy != null ? stoppedBy : notPersisted;
            }
            return new DrainResult(delivered, stoppedBy);
        } finally {
            lock.unlock();
        }
    }

    private IOException keepAside(SpoolRecord record, Throwable refusal) {
        try {
            setAside.keep(record, refusal);
            return null;
        } catch (IOException e) {
            e.addSuppressed(refusal);
            return e;
        }
    }

    /** Up to {@code max} records from the acknowledged position on, without sending or moving anything. */
    java.util.List<SpoolRecord> peek(int max) throws IOException {
        lock.lock();
        try (LogCursor peeking = new LogCursor(dir)) {
            java.util.List<SpoolRecord> records = new java.util.ArrayList<>();
            long at = acknowledged;
            while (records.size() < max) {
                FrameReader.Result next = peeking.read(at, durableEnd.getAsLong());
                if (next.status() != FrameReader.Status.OK) {
                    break;
                }
                records.add(next.record());
                at = next.next();
            }
            return records;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a running drain, then releases the open segment. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            cursor.close();
        } finally {
            lock.unlock();
        }
    }

    private IOException unreadable(IOException e) {
        if (e instanceof SpoolCorruptedException) {
            corruptions.incrementAndGet();
        }
        try {
            cursor.close();
        } catch (IOException closing) {
            e.addSuppressed(closing);
        }
        return e;
    }

    private static CompletableFuture<?> send(DurableSpool.Sender sender, SpoolRecord record) {
        try {
            CompletableFuture<?> ack = sender.send(record);
            return ack != null ? ack : CompletableFuture.failedFuture(new NullPointerException("sender returned null"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Throwable await(CompletableFuture<?> ack) {
        try {
            ack.get(options.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        }
    }

    /** Writes the acknowledged position, then deletes the segments wholly before it. */
    private IOException persistPosition() {
        // An interrupt would close the channels mid-write (ClosedByInterruptException) and lose the position.
        boolean interrupted = Thread.interrupted();
        try {
            long position = acknowledged;
            dir.writePosition(position);
            persisted = position;
            dir.deleteSegmentsBefore(position);
            return null;
        } catch (IOException e) {
            return e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
