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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the spool, with group commit: it takes every frame that queued up while
 * the previous fsync ran, writes them with one gathering write, and makes them durable with one
 * {@code force}. Under load a single fsync thus covers many appends, and callers never run disk I/O
 * on their own threads (an event-loop thread must not block).
 *
 * <p>After any I/O error the writer refuses all further appends: after a failed fsync the kernel may
 * have dropped the dirty pages, so nothing written later could be trusted. A restart recovers.
 */
final class SpoolWriter implements AutoCloseable {

    /** Told, before the callers' futures complete, that records up to {@code end} are durable. */
    interface Listener {
        void durable(int records, long end);
    }

    private record Pending(ByteBuffer frame, CompletableFuture<Void> done) {
    }

    private static final Logger log = LoggerFactory.getLogger(SpoolWriter.class);
    private static final Pending STOP = new Pending(null, null);
    private static final int MAX_BATCH = 4096;

    private final SpoolDirectory dir;
    private final long segmentBytes;
    private final boolean fsync;
    private final Listener listener;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong fsyncs = new AtomicLong();
    private final Thread thread;
    private FileChannel channel;
    private long activeSize;
    private long end;
    private boolean closed;
    private volatile IOException broken;

    SpoolWriter(SpoolDirectory dir, long end, long segmentBytes, boolean fsync, Listener listener) throws IOException {
        this.dir = dir;
        this.end = end;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        this.listener = listener;
        this.activeSize = end - dir.segments().lastKey();
        this.channel = FileChannel.open(dir.segments().lastEntry().getValue(), StandardOpenOption.WRITE)
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
        try {
            if (broken != null) {
                throw new IOException("spool writer failed earlier", broken);
            }
            List<ByteBuffer> chunk = new ArrayList<>(batch.size());
            long chunkBytes = 0;
            for (Pending pending : batch) {
                long size = pending.frame().remaining();
                if (activeSize + chunkBytes > 0 && activeSize + chunkBytes + size > segmentBytes) {
                    write(chunk);
                    roll();
                    chunk.clear();
                    chunkBytes = 0;
                }
                chunk.add(pending.frame());
                chunkBytes += size;
            }
            write(chunk);
            sync();
            listener.durable(batch.size(), end);
            batch.forEach(pending -> pending.done().complete(null));
        } catch (IOException | RuntimeException e) {
            if (broken == null) {
                broken = e instanceof IOException io ? io : new IOException(e);
                log.error("Spool writer failed; appends are refused until the spool is reopened", e);
            }
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    private void write(List<ByteBuffer> chunk) throws IOException {
        ByteBuffer[] buffers = chunk.toArray(ByteBuffer[]::new);
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
        }
        for (long written = 0; written < total; ) {
            written += channel.write(buffers);
        }
        activeSize += total;
        end += total;
    }

    /** A segment is durable in full before the next exists, so only the newest can end torn. */
    private void roll() throws IOException {
        sync();
        channel.close();
        channel = FileChannel.open(dir.createSegment(end), StandardOpenOption.WRITE);
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

    /** The I/O error after which every append is refused, or null while the writer works. */
    IOException broken() {
        return broken;
    }
}
