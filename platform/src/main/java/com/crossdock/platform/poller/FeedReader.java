package com.crossdock.platform.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.crossdock.platform.vendor.VendorCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of one channel, and the wait before the next. A full page means more is waiting: ask again at once; a
 * shorter one means the channel is drained: wait the idle interval. Nothing is read while this instance is not the
 * lease holder, or while the spool holds records (Kafka is in trouble: a destructive read now would only grow what
 * sits on the local disk).
 *
 * <p>The only window in which a change can be lost is between the vendor's answer and the Kafka acknowledgement or
 * spool fsync of {@link BatchWriter}: the process dying there. It is kept to the source's {@code page} and the
 * encoding of one page (docs/poller-kit.md, docs/prodsmart-poller.md "Durability"). Nothing read is dropped, whatever
 * the adapter does: an answer its {@code page} throws on is kept whole on the raw topic, with the reason.
 */
final class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final RecordEncoder encoder;
    private final BatchWriter writer;
    private final RawItems raw;
    private final BooleanSupplier leaseActive;
    private final BooleanSupplier spoolEmpty;
    private final FeedSettings settings;
    private final PollerMetrics metrics;
    private final Clock clock;
    private final Consumer<FeedSource> possiblyLost;

    /**
     * @param raw          where an answer the source cannot turn into a page is kept
     * @param possiblyLost told of a destructive source whose read failed after it may have been served: it runs the
     *                     source's reconciliation passes
     */
    FeedReader(RecordEncoder encoder, BatchWriter writer, RawItems raw, BooleanSupplier leaseActive,
            BooleanSupplier spoolEmpty, FeedSettings settings, PollerMetrics metrics, Clock clock,
            Consumer<FeedSource> possiblyLost) {
        this.encoder = encoder;
        this.writer = writer;
        this.raw = raw;
        this.leaseActive = leaseActive;
        this.spoolEmpty = spoolEmpty;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.possiblyLost = possiblyLost;
    }

    /** Reads the channel once, if allowed, and returns how long to wait before the next read. */
    Duration readOnce(FeedSource source) throws InterruptedException {
        if (!leaseActive.getAsBoolean() || !spoolEmpty.getAsBoolean()) {
            return settings.recheckInterval();
        }
        byte[] answer;
        try {
            answer = source.fetch();
        } catch (RuntimeException failed) {
            if (source.destructive() && mayHaveBeenServed(failed)) {
                // the vendor may have answered and forgotten the page: reading on would skip it without a word
                metrics.possiblyLost(source.channel());
                log.error("Reading {} channel {} failed after the request may have been served ({}): the page it "
                                + "answered may be lost at the vendor; reconciling {}", metrics.vendor(), source.channel(),
                        failed.getMessage(), source.reconciledBy().isEmpty() ? "nothing (the channel names no pass)"
                                : source.reconciledBy());
                possiblyLost.accept(source);
            } else {
                log.warn("Reading {} channel {} failed: {} (cause: {})", metrics.vendor(), source.channel(),
                        failed.getMessage(), String.valueOf(failed.getCause()));
            }
            return settings.idleInterval();
        }
        long answeredAt = System.nanoTime();
        FeedSource.Read read = new FeedSource.Read(UUID.randomUUID().toString(), clock.instant());
        Page page;
        try {
            page = source.page(answer, read);
        } catch (RuntimeException unreadable) {
            keepUnread(source, answer, read, unreadable);
            metrics.persisted(source.channel(), Duration.ofNanos(System.nanoTime() - answeredAt));
            return settings.idleInterval();
        }
        writer.persist(page.records().stream().map(encoder::encode).toList());
        source.saved(page);
        metrics.persisted(source.channel(), Duration.ofNanos(System.nanoTime() - answeredAt));
        metrics.items(source.channel(), source.type(), page.items(), !page.full());
        return page.full() ? Duration.ZERO : settings.idleInterval();
    }

    /** Whether a failed read may have been served; a failure that is not the vendor client's may have been too. */
    private static boolean mayHaveBeenServed(RuntimeException failed) {
        return !(failed instanceof VendorCallException vendor) || vendor.mayHaveBeenServed();
    }

    /**
     * The read may have been destructive: the answer exists only here. Kept whole, then the channel is read again
     * after the idle interval; the source is not told the page was saved, since it never made one.
     */
    private void keepUnread(FeedSource source, byte[] answer, FeedSource.Read read, RuntimeException unreadable)
            throws InterruptedException {
        log.error("{} channel {} could not turn read {} into records; the answer goes to {} as received",
                metrics.vendor(), source.channel(), read.id(), raw.topic(), unreadable);
        Outgoing kept = raw.item(source.channel(), source.type(), answer == null ? new byte[0] : answer, read.id(),
                "unreadable answer: " + unreadable);
        writer.persist(List.of(encoder.encode(kept)));
    }
}
