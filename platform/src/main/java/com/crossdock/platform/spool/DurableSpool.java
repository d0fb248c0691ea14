package com.crossdock.platform.spool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, append-only, fsync'd log of Kafka-bound records, for when Kafka cannot take a record that
 * must not be lost: Prodsmart never retries a webhook and its change-feed read is destructive
 * ({@code VENDORS.md}), so the ingress answers 2xx only once a record is in Kafka or in this spool.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Durable:</b> when {@link #append} returns, or {@link #appendAsync}'s future completes, the record
 *     has been fsync'd ({@code FileChannel.force}) and survives a process crash and, as far as the disk
 *     honours fsync, a power loss. A record whose append failed may still be delivered.</li>
 * <li><b>Ordered:</b> records are drained in append order; concurrent appends are ordered as the writer
 *     thread takes them, and each caller's own appends keep their order.</li>
 * <li><b>At least once:</b> a record leaves the spool only after the {@link Sender} reported it
 *     acknowledged. It is sent twice only if the process dies between the acknowledgement and the next
 *     position write (at most {@code commitEveryRecords} records), or, with {@code maxInFlight > 1},
 *     after a send failure. Consumers dedupe by event id.</li>
 * <li><b>Never silently skipped:</b> a torn write at the tail is truncated on open (it was never
 *     acknowledged); a damaged record anywhere else stops the open or the drain with
 *     {@link SpoolCorruptedException} (see {@link SpoolRecovery}).</li>
 * </ul>
 * Appends are group-committed by one writer thread ({@link SpoolWriter}); futures complete on that
 * thread, so keep their continuations short. One drain runs at a time.
 */
public final class DurableSpool implements AutoCloseable {

    /** Sends one record to Kafka; the future completes once Kafka acknowledged it (acks=all). */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<?> send(SpoolRecord record);

        /**
         * Whether {@code failure} says Kafka will never take that record as it is (too large for the producer or the
         * topic, refused by the broker's record checks): the drain sets such a record aside and goes on, instead of
         * retrying it forever while every later record waits behind it.
         */
        default boolean refusedForGood(Throwable failure) {
            return KafkaSpoolRecords.refusedForGood(failure);
        }
    }

    /** The set-aside spool's directory, inside the spool's own. */
    public static final String SET_ASIDE = "set-aside";
    /** Headers a set-aside record carries (why, when), removed again when it is replayed. */
    public static final String SET_ASIDE_REASON = "crossdock-set-aside-reason";
    public static final String SET_ASIDE_AT = "crossdock-set-aside-at";

    private static final Logger log = LoggerFactory.getLogger(DurableSpool.class);

    private final SpoolOptions options;
    private final SpoolDirectory dir;
    private final SpoolWriter writer;
    private final DrainLoop drainLoop;
    /** Where records Kafka refused for good wait for an operator; null in the set-aside spool itself. */
    private final DurableSpool setAside;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong appending = new AtomicLong();
    private final AtomicLong refusedFull = new AtomicLong();
    private final AtomicLong damaged = new AtomicLong();
    private volatile long durableEnd;

    private DurableSpool(SpoolOptions options, boolean fsync, boolean withSetAside,
            UnaryOperator<FileChannel> segmentChannels) throws IOException {
        this.options = options;
        this.dir = new SpoolDirectory(options.directory());
        DurableSpool aside = null;
        List<SpoolRecord> salvaged = new ArrayList<>();
        try {
            SpoolRecovery.State state = null;
            while (state == null) {
                try {
                    state = SpoolRecovery.recover(dir);
                } catch (SpoolCorruptedException damage) {
                    // set the damaged file aside and go on, rather than refuse to start (SpoolDamage)
                    salvaged.addAll(SpoolDamage.setAside(dir, damage));
                    damaged.incrementAndGet();
                }
            }
            this.durableEnd = state.end();
            this.depth.set(state.depth());
            aside = withSetAside
                    ? new DurableSpool(options.withDirectory(options.directory().resolve(SET_ASIDE)), fsync, false,
                            UnaryOperator.identity())
                    : null;
            this.setAside = aside;
            this.drainLoop = new DrainLoop(dir, options, state.position(), () -> durableEnd, depth::decrementAndGet,
                    withSetAside ? this::keepAside : null);
            this.writer = new SpoolWriter(dir, state.end(), options.segmentBytes(), fsync, this::madeDurable,
                    drainLoop::persisted, segmentChannels);
            for (SpoolRecord record : salvaged) {
                writer.append(FrameCodec.encode(record)).join();
            }
        } catch (IOException | RuntimeException e) {
            if (aside != null) {
                aside.close();
            }
            dir.close();
            throw e;
        }
    }

    /**
     * Opens the spool in its directory, recovering what an earlier process left there. Fails with
     * {@link SpoolCorruptedException} when a record before the tail is damaged, and with an
     * {@link IOException} when another spool has the directory open.
     */
    public static DurableSpool open(SpoolOptions options) throws IOException {
        return new DurableSpool(options, true, true, UnaryOperator.identity());
    }

    /** For tests: every segment channel the writer opens passes through {@code segmentChannels} (a disk that fills). */
    static DurableSpool open(SpoolOptions options, UnaryOperator<FileChannel> segmentChannels) throws IOException {
        return new DurableSpool(options, true, true, segmentChannels);
    }

    /** Without fsync: only for the benchmark's baseline. */
    static DurableSpool openWithoutFsync(SpoolOptions options) throws IOException {
        return new DurableSpool(options, false, true, UnaryOperator.identity());
    }

    /** Appends and waits for the fsync. Blocks: never call it on an event-loop thread. */
    public void append(SpoolRecord record) throws IOException {
        try {
            appendAsync(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the record was being made durable");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("spool append failed", e.getCause());
        }
    }

    /**
     * Appends without blocking; the future completes, on the writer thread, once the record is durable,
     * or fails: with {@link IllegalArgumentException} for a record over 128 MiB, with {@link SpoolFullException} when
     * the spool holds its {@code maxBytes} already, with an {@link IOException} when the file system refused the write
     * (no space left: only the appends of that write fail, later ones are tried again) or the disk failed (then every
     * later append fails too, until a reopen).
     */
    public CompletableFuture<Void> appendAsync(SpoolRecord record) {
        ByteBuffer frame;
        try {
            frame = FrameCodec.encode(record);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (bytes() + frame.remaining() > options.maxBytes()) {
            refusedFull.incrementAndGet();
            return CompletableFuture.failedFuture(new SpoolFullException(options.directory(), bytes(),
                    options.maxBytes()));
        }
        appending.incrementAndGet();
        return writer.append(frame).whenComplete((ok, failure) -> appending.decrementAndGet());
    }

    /** Drains until the spool is empty or a send fails; see {@link #drain(Sender, BooleanSupplier)}. */
    public DrainResult drain(Sender sender) {
        return drain(sender, () -> false);
    }

    /**
     * Sends the spooled records in append order, each only after the one before it was acknowledged
     * (or keeping up to {@code maxInFlight} unacknowledged), and persists the position past acknowledged
     * records. Stops at the first failure, to be retried later from the same record, or when
     * {@code stopRequested} says so, once the sends in flight have finished.
     */
    public DrainResult drain(Sender sender, BooleanSupplier stopRequested) {
        return drainLoop.run(sender, stopRequested);
    }

    /** Records durable and not yet acknowledged by Kafka. */
    public long depth() {
        return depth.get();
    }

    /** Bytes of the records durable and not yet acknowledged by Kafka (frame overhead included). */
    public long bytes() {
        return durableEnd - drainLoop.acknowledged();
    }

    /** Whether nothing waits and nothing is being appended: while false, new records keep FIFO by spooling too. */
    public boolean isEmpty() {
        return appending.get() == 0 && depth.get() == 0;
    }

    /** How many fsyncs the writer has done; far fewer than appends when group commit works. */
    public long fsyncCount() {
        return writer.fsyncs();
    }

    /** How many times a drain stopped at a damaged record ({@link SpoolCorruptedException}). */
    public long corruptionCount() {
        return drainLoop.corruptions();
    }

    public SpoolOptions options() {
        return options;
    }

    /**
     * Why the spool takes no appends any more (the writer's I/O error: after a failed fsync nothing written later could
     * be trusted), or null while it works. Reopening the spool (a restart) recovers.
     */
    public IOException broken() {
        return writer.broken();
    }

    /**
     * The last write the file system refused (no space left on the device), while no write has succeeded since; null
     * otherwise. Not a broken spool: the appends of that write failed (their callers answered 503), the next ones are
     * tried again, and once the drain frees space (or an operator does) they succeed.
     */
    public IOException lastRefusedWrite() {
        return writer.lastRefusal();
    }

    /** Writes the file system refused (no space left), each failing only its own appends. */
    public long refusedWriteCount() {
        return writer.refusedWrites();
    }

    /** Damaged files set aside to {@code damaged/} when this spool was opened (alert on any). */
    public long damagedCount() {
        return damaged.get();
    }

    /** Appends refused because the spool held its {@code maxBytes}. */
    public long refusedFullCount() {
        return refusedFull.get();
    }

    /** Records Kafka refused for good, waiting in {@code <directory>/set-aside} for an operator. */
    public long setAsideDepth() {
        return setAside == null ? 0 : setAside.depth();
    }

    /** Up to {@code max} of the records set aside, oldest first, each with its reason header; nothing moves. */
    public List<SpoolRecord> setAsideRecords(int max) throws IOException {
        return setAside == null ? List.of() : setAside.drainLoop.peek(max);
    }

    /**
     * Sends the records set aside again (without their set-aside headers), oldest first, once the cause is fixed (a
     * larger {@code crossdock.kafka.max-record-size}, say); stops at the first that fails, which stays set aside
     * with every record after it.
     */
    public DrainResult replaySetAside(Sender sender) {
        if (setAside == null) {
            return new DrainResult(0, null);
        }
        return setAside.drain(new Sender() {
            @Override
            public CompletableFuture<?> send(SpoolRecord record) {
                return sender.send(withoutSetAsideHeaders(record));
            }

            @Override
            public boolean refusedForGood(Throwable failure) {
                return false;
            }
        });
    }

    /** Makes queued appends durable, waits for a running drain, and releases the files. */
    @Override
    public void close() throws IOException {
        try (dir) {
            writer.close();
            drainLoop.close();
        } finally {
            if (setAside != null) {
                setAside.close();
            }
        }
    }

    private void keepAside(SpoolRecord record, Throwable refusal) throws IOException {
        List<SpoolRecord.Header> headers = new ArrayList<>(record.headers());
        headers.add(SpoolRecord.Header.of(SET_ASIDE_REASON, String.valueOf(refusal)));
        headers.add(SpoolRecord.Header.of(SET_ASIDE_AT, Instant.now().toString()));
        setAside.append(new SpoolRecord(record.topic(), record.key(), record.value(), headers));
        log.error("Kafka refused a spooled record for good ({}); set aside in {} for an operator ({} bytes to {}): "
                + "replay it with POST /actuator/spool once the cause is fixed", refusal,
                setAside.options().directory(), record.value() == null ? 0 : record.value().length, record.topic());
    }

    private static SpoolRecord withoutSetAsideHeaders(SpoolRecord record) {
        return new SpoolRecord(record.topic(), record.key(), record.value(), record.headers().stream()
                .filter(header -> !header.name().equals(SET_ASIDE_REASON) && !header.name().equals(SET_ASIDE_AT))
                .toList());
    }

    private void madeDurable(int records, long end) {
        depth.addAndGet(records);
        durableEnd = end;
    }
}
