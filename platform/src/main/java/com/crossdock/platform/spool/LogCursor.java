package com.crossdock.platform.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads records by global offset across segments, keeping the current segment open. Drain thread only. */
final class LogCursor implements Closeable {

    private final SpoolDirectory dir;
    private FrameReader reader;
    private long readerBase = -1;

    LogCursor(SpoolDirectory dir) {
        this.dir = dir;
    }

    /**
     * The record at global {@code offset}, with {@code next} as a global offset, or {@link
     * FrameReader.Status#END} at {@code durableEnd}. A bad frame below {@code durableEnd} can only be
     * damage, since the writer made it durable before publishing that end.
     */
    FrameReader.Result read(long offset, long durableEnd) throws IOException {
        if (offset >= durableEnd) {
            return new FrameReader.Result(FrameReader.Status.END, null, offset, null);
        }
        Map.Entry<Long, Path> segment = dir.segmentFor(offset);
        long base = segment.getKey();
        Long nextBase = dir.segments().higherKey(base);
        long segmentEnd = nextBase == null ? durableEnd : Math.min(nextBase, durableEnd);
        if (base != readerBase) {
            close();
            reader = new FrameReader(segment.getValue());
            readerBase = base;
        }
        if (nextBase != null && offset < nextBase && offset - base >= reader.size()) {
            // a gap: the rest of this segment was set aside as damaged (SpoolDamage); go on at the next segment
            return read(nextBase, durableEnd);
        }
        FrameReader.Result result = reader.read(offset - base, segmentEnd - base);
        if (result.status() != FrameReader.Status.OK) {
            throw new SpoolCorruptedException(segment.getValue(), offset - base,
                    result.status() == FrameReader.Status.END ? "segment ends early" : result.problem());
        }
        return new FrameReader.Result(FrameReader.Status.OK, result.record(), base + result.next(), null);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
            readerBase = -1;
        }
    }
}
