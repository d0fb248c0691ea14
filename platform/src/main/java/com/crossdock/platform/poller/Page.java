package com.crossdock.platform.poller;

import java.util.List;

/**
 * What one read of a vendor page gave: the records that keep it (canonical events, raw items, a cursor record), how
 * many items the vendor returned, and whether the page was full, so that another read follows at once.
 */
public record Page(List<Outgoing> records, int items, boolean full) {

    public Page {
        records = List.copyOf(records);
    }

    /**
     * A page of {@code items} items, full when the vendor returned {@code pageSize} or more: {@code pageSize} is the
     * most the vendor's API answers in one call, as its document states (Prodsmart: 25).
     */
    public static Page of(List<Outgoing> records, int items, int pageSize) {
        return new Page(records, items, items >= pageSize);
    }
}
