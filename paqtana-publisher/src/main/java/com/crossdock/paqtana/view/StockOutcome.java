package com.crossdock.paqtana.view;

/** What one {@code StockChanged} did to the view. */
public enum StockOutcome {
    /** kind LEVEL: the level of (product, location) was replaced by a different value. */
    LEVEL_CHANGED,
    /** kind LEVEL: the level was already that value. */
    LEVEL_UNCHANGED,
    /** kind LEVEL as of a time before the level already applied to the item: an older fact, ignored. */
    LEVEL_OLDER_IGNORED,
    /**
     * kind LEVEL with a lot: the level of that lot only, not of the product at the location; the view's row
     * takes the product's level from the event without a lot.
     */
    LOT_LEVEL_SKIPPED,
    /** kind MOVEMENT, action CREATED: its signed delta was added, once for its event id. */
    MOVEMENT_APPLIED,
    /**
     * kind MOVEMENT dated at or before the as-of time of the item's level: the level includes it already (a late
     * webhook, a replay, the poller and the webhook racing), ignored.
     */
    MOVEMENT_BEFORE_LEVEL,
    /** kind MOVEMENT whose event id was applied before (a duplicate delivery or a replay): nothing changed. */
    MOVEMENT_DUPLICATE,
    /**
     * kind MOVEMENT, action UPDATED or DELETED: it cannot be applied without the original movement, which
     * Prodsmart does not identify on create; the level waits for the next LEVEL snapshot.
     */
    MOVEMENT_NOT_APPLICABLE;

    public boolean changesView() {
        return this == LEVEL_CHANGED || this == MOVEMENT_APPLIED;
    }
}
