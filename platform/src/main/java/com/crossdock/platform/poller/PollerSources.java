package com.crossdock.platform.poller;

import java.util.List;

/**
 * What the vendor adapter reads, for {@link PollerKitConfiguration}: one source per feed channel, each read on its
 * own thread, and the passes of a reconciliation run, in order.
 */
public record PollerSources(List<FeedSource> feed, List<ReconciliationPass> reconciliation) {

    public PollerSources {
        feed = List.copyOf(feed);
        reconciliation = List.copyOf(reconciliation);
    }
}
