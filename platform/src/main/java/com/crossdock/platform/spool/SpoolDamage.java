package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the spool does with damage found on open, instead of refusing to start: the damaged file is moved to
 * {@code damaged/} (evidence for an operator), the intact records of a damaged segment are salvaged (every frame
 * whose checksum holds, before and after the damage) to be appended again, and the spool goes on. A damaged
 * position file is set aside too; the drain then starts at the oldest record kept (what was sent already is sent
 * again, which the consumers' event-id dedupe absorbs). Only the damaged frames themselves are not drained.
 */
final class SpoolDamage {

    private static final Logger log = LoggerFactory.getLogger(SpoolDamage.class);

    private SpoolDamage() {
    }

    /** Sets aside what {@code damage} names; returns the intact records to append again. */
    static List<SpoolRecord> setAside(SpoolDirectory dir, SpoolCorruptedException damage) throws IOException {
        Path file = damage.segment();
        Long base = baseOf(dir, file);
        if (base == null) {
            // the position file, or a position no segment holds any more: start at the oldest record kept
            Path position = dir.dir().resolve("position");
            if (!Files.exists(position)) {
                throw damage;
            }
            Path kept = dir.setAside(position);
            log.error("Spool position unusable ({}); set aside as {}: the drain starts at the oldest record kept",
                    damage.getMessage(), kept);
            return List.of();
        }
        long position = positionOrOldest(dir);
        List<SpoolRecord> intact = salvage(file, Math.max(position - base, 0));
        Path kept = dir.setAside(file);
        log.error("Spool segment damaged ({}); set aside as {}: {} intact records taken from it and spooled again, "
                + "the damaged frames are left in the set-aside file", damage.getMessage(), kept, intact.size());
        return intact;
    }

    private static Long baseOf(SpoolDirectory dir, Path file) {
        for (Map.Entry<Long, Path> segment : dir.segments().entrySet()) {
            if (segment.getValue().equals(file)) {
                return segment.getKey();
            }
        }
        return null;
    }

    private static long positionOrOldest(SpoolDirectory dir) {
        try {
            return dir.readPosition();
        } catch (IOException unreadable) {
            return -1;
        }
    }

    /** Every intact frame of {@code segment} from byte {@code from}: a damaged stretch is skipped frame by frame. */
    static List<SpoolRecord> salvage(Path segment, long from) throws IOException {
        List<SpoolRecord> records = new ArrayList<>();
        try (FrameReader reader = new FrameReader(segment)) {
            long size = reader.size();
            long at = from;
            while (at < size) {
                FrameReader.Result result = reader.read(at, size);
                if (result.status() == FrameReader.Status.OK) {
                    records.add(result.record());
                    at = result.next();
                    continue;
                }
                at = nextIntactFrame(reader, at + 1, size);
            }
        }
        return records;
    }

    private static long nextIntactFrame(FrameReader reader, long from, long size) throws IOException {
        for (long candidate = from; candidate + FrameCodec.HEADER_BYTES < size; candidate++) {
            if (reader.read(candidate, size).status() == FrameReader.Status.OK) {
                return candidate;
            }
        }
        return size;
    }
}
