package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the spool, with group commit: it takes every frame that queued up while
 * the previous fsync ran, writes them with one gathering write, and makes them durable with one
 * {@code force}. Under load a single fsync thus covers many appends, and callers never run disk I/O
 * on their own threads (an event-loop thread must not block).
 *
 * <p>A write the file system refuses (no space left on the device, a quota) fails only the appends of that write: the
 * segment is cut back to its last durable byte and the writer goes on, so the spool heals by itself once space is
 * back (a webhook whose append failed was not answered 2xx). Once the drain has passed every record of the active
 * segment and written its position past them, the next write starts a new segment and deletes the old one, so that
 * the space a drain emptied is free again before the next outage needs it.
 * After any other I/O error (a failed fsync, a failed cut) the writer refuses all further appends: after a failed
 * fsync the kernel may have dropped the dirty pages, so nothing written later could be trusted. A restart recovers.
 */
final class SpoolWriter implements AutoCloseable {

    /** Told, before the callers' futures complete, that records up to {@code end} are durable. */
    interface Listener {
        void durable(int records, long end);
    }

    private record Pending(ByteBuffer frame, CompletableFuture<Void> done) {
    }

    /** A write the file system refused, cut back to the last durable byte: only its appends fail. */
    static final class WriteRefusedException extends IOException {
        WriteRefusedException(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SpoolWriter.class);
    private static final Pending STOP = new Pending(null, null);
    private static final int MAX_BATCH = 4096;

    private final SpoolDirectory dir;
    private final long segmentBytes;
    private final boolean fsync;
    private final Listener listener;
    private final LongSupplier drained;
    private final UnaryOperator<FileChannel> channels;
    private final AtomicLong refusedWrites = new AtomicLong();
    private volatile IOException lastRefusal;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong fsyncs = new AtomicLong();
    private final Thread thread;
    private FileChannel channel;
    private long activeSize;
    private long end;
    private boolean closed;
    private volatile IOException broken;

    SpoolWriter(SpoolDirectory dir, long end, long segmentBytes, boolean fsync, Listener listener, LongSupplier drained,
            UnaryOperator<FileChannel> channels) throws IOException {
        this.dir = dir;
        this.drained = drained;
        this.channels = channels;
        this.end = end;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        this.listener = listener;
        this.activeSize = end - dir.segments().lastKey();
        this.channel = channels.apply(FileChannel.open(dir.segments().lastEntry().getValue(), StandardOpenOption.WRITE))
                .position(activeSize);
        this.thread = new Thread(this::run, "crossdock-spool-writer-" + dir.dir().getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Void> append(ByteBuffer frame) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (queue) {
            if (broken != null) {
                return CompletableFuture.failedFuture(new IOException("spool writer failed earlier", broken));
            }
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("spool is closed"));
            }
            queue.add(new Pending(frame, done));
        }
        return done;
    }

    long fsyncs() {
        return fsyncs.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = batch.removeIf(pending -> pending == STOP);
                if (!batch.isEmpty()) {
                    writeBatch(batch);
                }
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeBatch(List<Pending> batch) {
        if (broken != null) {
            IOException failed = new IOException("spool writer failed earlier", broken);
            batch.forEach(pending -> pending.done().completeExceptionally(failed));
            return;
        }
        List<Pending> chunk = new ArrayList<>(batch.size());
        int settled = 0;
        try {
            if (activeSize > 0 && drained.getAsLong() >= end) {
                // every record of the active segment is in Kafka and the position past it is on disk: a new segment,
                // and this one deleted, gives its space back before the next outage needs it
                roll();
                dir.deleteSegmentsBefore(end);
            }
            long chunkBytes = 0;
            for (Pending pending : batch) {
                long size = pending.frame().remaining();
                if (activeSize + chunkBytes > 0 && activeSize + chunkBytes + size > segmentBytes) {
                    write(chunk);
                    roll();
                    settled += durable(chunk);
                    chunkBytes = 0;
                }
                chunk.add(pending);
                chunkBytes += size;
            }
            write(chunk);
            sync();
            settled += durable(chunk);
        } catch (WriteRefusedException e) {
            refusedWrites.incrementAndGet();
            if (lastRefusal == null) {
                log.error("Spool write refused by the file system; its {} appends fail, later ones are tried again",
                        batch.size() - settled, e);
            }
            lastRefusal = e;
            batch.subList(settled, batch.size()).forEach(pending -> pending.done().completeExceptionally(e));
        } catch (IOException | RuntimeException e) {
            if (broken == null) {
                broken = e instanceof IOException io ? io : new IOException(e);
                log.error("Spool writer failed; appends are refused until the spool is reopened", e);
            }
            batch.subList(settled, batch.size()).forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /** Tells the listener, then the callers, that the chunk is durable; the chunk is emptied. */
    private int durable(List<Pending> chunk) {
        int records = chunk.size();
        if (records > 0) {
            IOException refused = lastRefusal;
            if (refused != null) {
                lastRefusal = null;
                log.info("Spool writes succeed again after the file system refused one ({})", refused.getMessage());
            }
            listener.durable(records, end);
            chunk.forEach(pending -> pending.done().complete(null));
        }
        chunk.clear();
        return records;
    }

    /**
     * Writes the chunk at the end of the active segment. When the file system refuses (no space left), the segment is
     * cut back to where the chunk began: nothing of it stays, and the next write starts at a frame boundary.
     */
    private void write(List<Pending> chunk) throws IOException {
        ByteBuffer[] buffers = chunk.stream().map(Pending::frame).toArray(ByteBuffer[]::new);
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
        }
        try {
            for (long written = 0; written < total; ) {
                written += channel.write(buffers);
            }
        } catch (IOException refused) {
            try {
                channel.truncate(activeSize);
                channel.position(activeSize);
            } catch (IOException cut) {
                refused.addSuppressed(cut);
                throw refused;
            }
            throw new WriteRefusedException("the file system refused a spool write of " + total + " bytes: "
                    + refused.getMessage(), refused);
        }
        activeSize += total;
        end += total;
    }

    /** A segment is durable in full before the next exists, so only the newest can end torn. */
    private void roll() throws IOException {
        sync();
        channel.close();
        channel = channels.apply(FileChannel.open(dir.createSegment(end), StandardOpenOption.WRITE));
        activeSize = 0;
    }

    private void sync() throws IOException {
        if (fsync) {
            channel.force(false);
            fsyncs.incrementAndGet();
        }
    }

    /** Writes what is queued, then stops; appends after this fail. */
    @Override
    public void close() throws IOException {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    /** The last write the file system refused (no space left), or null once a write succeeded after it. */
    IOException lastRefusal() {
        return lastRefusal;
    }

    /** Writes the file system refused (each failed its appends only). */
    long refusedWrites() {
        return refusedWrites.get();
    }

    /** The I/O error after which every append is refused, or null while the writer works. */
    IOException broken() {
        return broken;
    }
}
