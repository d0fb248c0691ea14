package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A record the spool had made durable no longer reads back intact (its checksum or structure is
 * wrong). The spool never skips such a record: skipping would lose a webhook the vendor will not send
 * again. Opening fails, or the drain stops at the record, until an operator has looked at the segment.
 */
public final class SpoolCorruptedException extends IOException {

    private final transient Path segment;
    private final long offset;

    public SpoolCorruptedException(Path segment, long offset, String reason) {
        super(reason + " in " + segment + " at byte " + offset
                + "; the spool stops here rather than skip the record: keep the file for inspection");
        this.segment = segment;
        this.offset = offset;
    }

    public Path segment() {
        return segment;
    }

    /** The byte offset of the damaged frame inside {@link #segment()}. */
    public long offset() {
        return offset;
    }
}
