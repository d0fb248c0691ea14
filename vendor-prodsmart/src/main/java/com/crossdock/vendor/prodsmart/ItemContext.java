package com.crossdock.vendor.prodsmart;

import java.time.Instant;

/**
 * Where one change-feed or list item comes from: the read or reconciliation run ({@code batchId}, also the
 * correlation id), its place in it, and when it was read. The event ids are derived from these and the company
 * ({@link #idSeed}), so a record sent twice (Kafka then the spool) carries the same id, while the same state read
 * again is a new fact.
 *
 * @param origin "feed:&lt;channel&gt;" or "reconcile"
 * @param readAt when Prodsmart answered with this item: the {@code envelope.occurredAt} of its events, the as-of
 *               time of a stock level by which the publisher orders it against movements (those dated after it are
 *               added on top, those dated at or before it are taken as counted in). So it must be taken when the
 *               answer holding the item arrived (for reconciliation, the answer of that product's
 *               {@code GET /api/stock/{code}} or page), never earlier, such as the start of a long run
 */
public record ItemContext(String origin, String batchId, int index, Instant readAt) {

    /** The same read, at item {@code index}. */
    public ItemContext item(int index) {
        return new ItemContext(origin, batchId, index, readAt);
    }

    /** What makes one event of this item unique; {@code part} tells the item's events apart. */
    public String idSeed(String company, String part) {
        return "prodsmart-" + origin + ":" + company + ":" + batchId + ":" + index + ":" + part;
    }
}
