package com.crossdock.paqtana.view;

/** What one {@code ProductionOrderChanged} did to the view. */
public enum ProductionOrderOutcome {
    /** The order's state replaced the one before and changed what is still to be produced. */
    STATE_CHANGED,
    /** The order's state replaced the one before; what is still to be produced stayed the same. */
    STATE_UNCHANGED,
    /** A state older than the one applied for the order (by its occurredAt at the vendor): ignored. */
    STATE_OLDER_IGNORED;

    public boolean changesView() {
        return this == STATE_CHANGED;
    }
}
