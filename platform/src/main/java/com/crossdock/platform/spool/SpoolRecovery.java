package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a spool directory back to a consistent state on open: reads the committed drain offset,
 * checks every frame after it, and counts what waits.
 *
 * <p>Only the newest segment can end in a torn write, because a segment is fsync'd before the next is
 * created. Its first bad frame is taken for a torn write, and the segment is truncated there, when
 * the frame is cut short by the end of the file, or starts in space the disk never wrote (zeros), or
 * no intact frame follows it: none of these can hold a record whose append had completed, except a
 * last record damaged at rest, which cannot be told from a torn write and is logged as an error.
 * Any other bad frame is corruption and fails the open with {@link SpoolCorruptedException}, and so does a bad frame
 * before the committed position in its segment (drained already, but damage all the same: counted, set aside).
 */
final class SpoolRecovery {

    private static final Logger log = LoggerFactory.getLogger(SpoolRecovery.class);

    /** The state found on disk: the committed offset, the end of the log, and the records between. */
    record State(long position, long end, long depth) {
    }

    private SpoolRecovery() {
    }

    static State recover(SpoolDirectory dir) throws IOException {
        long position = dir.readPosition();
        if (dir.segments().isEmpty()) {
            long base = Math.max(position, 0);
            dir.createSegment(base);
            return new State(base, base, 0);
        }
        long first = dir.segments().firstKey();
        if (position < 0) {
            position = first;
        }
        if (position < first) {
            throw new SpoolCorruptedException(dir.dir(), position, "committed position lies in a missing segment");
        }
        dir.deleteSegmentsBefore(position);
        long depth = 0;
        long end = position;
        for (Map.Entry<Long, Path> segment : dir.segments().tailMap(dir.segmentFor(position).getKey()).entrySet()) {
            long base = segment.getKey();
            boolean newest = segment.getKey().equals(dir.segments().lastKey());
            long size = Files.size(segment.getValue());
            long at = Math.max(position - base, 0);
            if (at > size) {
                throw new SpoolCorruptedException(segment.getValue(), at, "committed position beyond the segment end");
            }
            try (FrameReader reader = new FrameReader(segment.getValue())) {
                checkCommitted(reader, segment.getValue(), at);
                FrameReader.Result result = reader.read(at, size);
                while (result.status() == FrameReader.Status.OK) {
                    depth++;
                    at = result.next();
                    result = reader.read(at, size);
                }
                if (result.status() != FrameReader.Status.END) {
                    boolean unwritten = result.status() == FrameReader.Status.INCOMPLETE
                            || reader.allZero(at, Math.min(at + FrameCodec.HEADER_BYTES, size));
                    if (!newest || !(unwritten || noIntactFrameAfter(reader, at, size))) {
                        throw new SpoolCorruptedException(segment.getValue(), at, result.problem());
                    }
                    truncate(segment.getValue(), at, size, unwritten, result.problem());
                }
            }
            end = base + at;
        }
        return new State(position, end, depth);
    }

    /**
     * Checks the frames before the committed position in its segment (already in Kafka, never read again): damage there
     * is damage all the same (the disk or someone wrote where it should not), so it is reported like any other
     * ({@link SpoolCorruptedException}: the segment is set aside and counted, its records after the position kept).
     */
    private static void checkCommitted(FrameReader reader, Path segment, long committed) throws IOException {
        long at = 0;
        while (at < committed) {
            FrameReader.Result result = reader.read(at, committed);
            if (result.status() != FrameReader.Status.OK) {
                throw new SpoolCorruptedException(segment, at, "before the committed position (" + committed + "): "
                        + (result.problem() == null ? "no frame ends at it" : result.problem()));
            }
            at = result.next();
        }
    }

    private static boolean noIntactFrameAfter(FrameReader reader, long at, long size) throws IOException {
        for (long candidate = at + 1; candidate + FrameCodec.HEADER_BYTES < size; candidate++) {
            if (reader.read(candidate, size).status() == FrameReader.Status.OK) {
                return false;
            }
        }
        return true;
    }

    private static void truncate(Path segment, long at, long size, boolean unwritten, String problem)
            throws IOException {
        if (unwritten) {
            log.warn("Spool segment {} ends in a torn write at byte {} ({}); dropping {} bytes",
                    segment, at, problem, size - at);
        } else {
            log.error("Spool segment {} ends in a damaged frame at byte {} ({}): a torn write, or damage to the "
                    + "last record; dropping {} bytes", segment, at, problem, size - at);
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(at);
            channel.force(true);
        }
    }
}
