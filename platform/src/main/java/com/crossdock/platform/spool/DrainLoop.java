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

    private record InFlight(CompletableFuture<?> ack, long next) {
    }

    private final SpoolDirectory dir;
    private final SpoolOptions options;
    private final LongSupplier durableEnd;
    private final Runnable onAcknowledged;
    private final LogCursor cursor;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong corruptions = new AtomicLong();
    private volatile long acknowledged;

    DrainLoop(SpoolDirectory dir, SpoolOptions options, long position, LongSupplier durableEnd,
            Runnable onAcknowledged) {
        this.dir = dir;
        this.options = options;
        this.acknowledged = position;
        this.durableEnd = durableEnd;
        this.onAcknowledged = onAcknowledged;
        this.cursor = new LogCursor(dir);
    }

    long acknowledged() {
        return acknowledged;
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
                    inFlight.add(new InFlight(send(sender, next.record()), next.next()));
                    readAt = next.next();
                }
                InFlight head = inFlight.poll();
                if (head == null) {
                    break;
                }
                failure = await(head.ack());
                if (failure != null) {
                    break;
                }
                acknowledged = head.next();
                onAcknowledged.run();
                delivered++;
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
            dir.writePosition(acknowledged);
            dir.deleteSegmentsBefore(acknowledged);
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
