package com.crossdock.platform.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The files of a spool: segment files named by the global byte offset of their first frame
 * ({@code 00000000000000001234.spool}, as Kafka names its log segments), and a {@code position} file
 * holding the committed drain offset. Only the newest segment is ever appended to; the segment map is
 * shared by the writer thread (which adds) and the drainer (which deletes drained segments).
 */
final class SpoolDirectory implements AutoCloseable {

    private static final String SUFFIX = ".spool";
    private static final String POSITION = "position";
    /** Where damaged files are set aside. */
    static final String DAMAGED = "damaged";

    private final Path dir;
    private final NavigableMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final FileChannel lockFile;

    SpoolDirectory(Path dir) throws IOException {
        boolean created = !Files.isDirectory(dir);
        this.dir = Files.createDirectories(dir);
        if (created && dir.toAbsolutePath().getParent() != null) {
            syncDirectory(dir.toAbsolutePath().getParent());
        }
        this.lockFile = lock(this.dir);
        try (Stream<Path> files = Files.list(dir)) {
            Files.deleteIfExists(dir.resolve(POSITION + ".tmp"));
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .forEach(file -> segments.put(baseOf(file), file));
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    NavigableMap<Long, Path> segments() {
        return segments;
    }

    /** The segment holding {@code offset}, or the next one when the offset is a segment's end. */
    Map.Entry<Long, Path> segmentFor(long offset) {
        Map.Entry<Long, Path> entry = segments.floorEntry(offset);
        return entry != null ? entry : segments.firstEntry();
    }

    /** Creates an empty segment and makes its directory entry durable before any record is in it. */
    Path createSegment(long base) throws IOException {
        Path file = dir.resolve(String.format("%020d%s", base, SUFFIX));
        Files.createFile(file);
        syncDirectory(dir);
        segments.put(base, file);
        return file;
    }

    /** Deletes every segment that lies wholly before {@code offset}; the newest segment always stays. */
    void deleteSegmentsBefore(long offset) throws IOException {
        Map.Entry<Long, Path> first = segments.firstEntry();
        while (first != null) {
            Long nextBase = segments.higherKey(first.getKey());
            if (nextBase == null || nextBase > offset) {
                return;
            }
            Files.deleteIfExists(first.getValue());
            segments.remove(first.getKey());
            first = segments.firstEntry();
        }
    }

    /** The committed drain offset, or {@code -1} when none was ever committed. */
    long readPosition() throws IOException {
        Path file = dir.resolve(POSITION);
        if (!Files.exists(file)) {
            return -1;
        }
        ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
        if (content.remaining() != 12 || content.getInt(8) != checksum(content.getLong(0))) {
            throw new SpoolCorruptedException(file, 0, "position file is damaged");
        }
        return content.getLong(0);
    }

    /**
     * Writes the drain offset durably and atomically: a temp file, fsync, rename, directory fsync. When the file
     * system refuses the temp file (no space left: a full disk must not stop the drain that frees it), the position
     * file is overwritten in place, in the block it holds already; a torn overwrite fails its checksum and is set
     * aside on open, and the drain then starts at the oldest record kept (sent again, deduplicated by event id).
     */
    void writePosition(long offset) throws IOException {
        Path tmp = dir.resolve(POSITION + ".tmp");
        ByteBuffer content = ByteBuffer.allocate(12).putLong(offset).putInt(checksum(offset)).flip();
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
        } catch (IOException refused) {
            Path position = dir.resolve(POSITION);
            if (!Files.exists(position)) {
                throw refused;
            }
            Files.deleteIfExists(tmp);
            content.rewind();
            try (FileChannel channel = FileChannel.open(position, StandardOpenOption.WRITE)) {
                for (long at = 0; content.hasRemaining(); ) {
                    at += channel.write(content, at);
                }
                channel.force(true);
            }
            return;
        }
        Files.move(tmp, dir.resolve(POSITION), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
    }

    /**
     * Moves a damaged file (a segment, the position file) to {@code damaged/} in the spool's directory, as evidence
     * for an operator, and forgets it; the spool goes on without it.
     */
    Path setAside(Path file) throws IOException {
        Path damaged = Files.createDirectories(dir.resolve(DAMAGED));
        Path target = damaged.resolve(file.getFileName() + "." + System.currentTimeMillis());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(damaged);
        syncDirectory(dir);
        segments.values().remove(file);
        return target;
    }

    /** Releases the directory for another process. */
    @Override
    public void close() throws IOException {
        lockFile.close();
    }

    /** Two writers on one spool would interleave frames: a rolling deploy must not share the volume. */
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException inThisJvm) {
            // falls through: the same JVM has the spool open already
        }
        channel.close();
        throw new IOException("spool directory " + dir + " is in use by another spool");
    }

    /** A new or renamed file survives power loss only once its directory entry is flushed too. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; there the rename is durable by itself.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    private static int checksum(long offset) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, offset));
        return (int) crc.getValue();
    }

    private static long baseOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new UncheckedIOException(new IOException("not a spool segment: " + file, e));
        }
    }
}
