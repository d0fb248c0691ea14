package com.crossdock.poller;

import java.time.Instant;

/**
 * Where one item comes from: the read or reconciliation run ({@code batchId}, also the correlation id),
 * its place in it, and when it was read. The event ids are derived from these, so a record sent twice
 * (Kafka then the spool) carries the same id, while the same state read again is a new fact.
 *
 * @param origin "feed:&lt;channel&gt;" or "reconcile"
 */
record ItemContext(String company, String origin, String batchId, int index, Instant readAt) {

    String idSeed(String part) {
        return "prodsmart-" + origin + ":" + company + ":" + batchId + ":" + index + ":" + part;
    }
}
