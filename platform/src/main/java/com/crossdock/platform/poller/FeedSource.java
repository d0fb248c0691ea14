package com.crossdock.platform.poller;

import java.time.Instant;
import java.util.List;

/**
 * One channel of a vendor's feed, as the vendor adapter reads it: the kit calls {@link #fetch()} and
 * {@link #page(byte[], Read)} on the channel's own thread, persists the page's records, calls {@link #saved(Page)},
 * and reads again at once when the page was full, after the idle interval otherwise. It reads nothing while this
 * instance does not hold the lease or while the spool holds records. The answer is the bytes as received, so that
 * even an answer nothing can read is kept.
 */
public interface FeedSource {

    /** The channel's name: tags the metrics, names the log lines. */
    String channel();

    /** The kind of items the channel carries, for the {@code type} tag of the items counter. */
    default String type() {
        return channel();
    }

    /**
     * One call to the vendor, through the budget's client ({@link PollerBudget#feed()}, or
     * {@link PollerBudget#destructiveFeed()} for a {@link #destructive()} source). A failure is logged and the
     * channel is asked again after the idle interval.
     */
    byte[] fetch();

    /**
     * Whether a read removes what it answers at the vendor (Prodsmart's change feed: "Elementy pobierane z usługi są
     * usuwane ze stosu"). Such a source fetches through {@link PollerBudget#destructiveFeed()}, whose policy never
     * repeats a call that may have been served; when a read fails that way, the answer may be gone: the kit counts a
     * possibly lost page ({@link PollerMetrics#POSSIBLY_LOST_PAGES}), logs it and runs the reconciliation passes of
     * {@link #reconciledBy()}.
     */
    default boolean destructive() {
        return false;
    }

    /**
     * The names of the reconciliation passes ({@link ReconciliationPass#name()}) that restore what this channel
     * carries, run when one of its answers may have been lost; none by default.
     */
    default List<String> reconciledBy() {
        return List.of();
    }

    /**
     * The records that keep {@code answer}. Pure and quick: it runs between the vendor's answer and the records'
     * acknowledgement, the one window in which a destructive read exists only in this process. An answer it cannot
     * read it keeps as received ({@link RawItems}), with the reason; should it throw all the same, the kit keeps the
     * whole answer on the raw topic with the exception as the reason, and reads on.
     *
     * @param read this read's id and time, from which the event ids derive: the same read encoded twice (a late
     *             acknowledgement, and the spool) gives the same ids
     */
    Page page(byte[] answer, Read read);

    /**
     * The page's records are in Kafka or the spool: a cursor-based source moves its cursor past them here, never
     * before.
     */
    default void saved(Page page) {
    }

    /** One read: its id (unique) and when the vendor answered. */
    record Read(String id, Instant at) {
    }
}
