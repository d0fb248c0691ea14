package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.record;
import static com.crossdock.platform.spool.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.platform.spool.TestRecords.RecordingSender;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills (ENOSPC): a write the file system refuses fails only its own appends (never a 2xx for what was not
 * kept), leaves nothing half written in the segment, and the spool takes appends again once space is back; a segment
 * the drain has passed (its position written past it) is deleted at the next write, so the drain frees what it empties.
 */
class SpoolDiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aWriteRefusedForWantOfSpaceFailsOnlyItsAppendsAndTheSpoolHealsOnceSpaceIsBack() throws IOException {
        AtomicLong free = new AtomicLong(sizeOf(records(0, 3)) + frameSize(record(3)) / 2);
        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir), channel -> new FillingDisk(channel, free))) {
            for (SpoolRecord record : records(0, 3)) {
                spool.append(record);
            }
            assertThatThrownBy(() -> spool.append(record(3))).isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
            assertThatThrownBy(() -> spool.append(record(4))).isInstanceOf(IOException.class);
            assertThat(spool.broken()).as("not broken for good").isNull();
            assertThat(spool.lastRefusedWrite()).isNotNull();
            assertThat(spool.refusedWriteCount()).isEqualTo(2);
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(new SpoolHealth(spool).health().getDetails()).containsKey("writeRefused");

            free.set(1 << 20);
            spool.append(record(5));

            assertThat(spool.lastRefusedWrite()).as("healed").isNull();
            assertThat(new SpoolHealth(spool).health().getDetails()).doesNotContainKey("writeRefused");
            spool.drain(sender);
        }
        assertThat(sender.sent()).as("what was answered, in order; nothing of the refused writes")
                .containsExactly(record(0), record(1), record(2), record(5));
        assertThat(segments()).singleElement().satisfies(segment -> assertThat(Files.size(segment))
                .as("the half-written frame was cut off").isEqualTo(sizeOf(List.of(record(0), record(1), record(2),
                        record(5)))));
    }

    @Test
    void aSegmentTheDrainHasPassedIsGivenBackAtTheNextWrite() throws IOException {
        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            for (SpoolRecord record : records(0, 4)) {
                spool.append(record);
            }
            spool.drain(sender);
            assertThat(segments()).hasSize(1);

            spool.append(record(4));

            assertThat(segments()).as("the drained segment deleted before the next outage needs its space")
                    .singleElement().satisfies(segment -> assertThat(Files.size(segment)).isEqualTo(frameSize(record(4))));
            spool.drain(sender);
        }
        assertThat(sender.sent()).containsExactlyElementsOf(records(0, 5));
    }

    @Test
    void theDrainWritesItsPositionInPlaceWhenNoNewFileCanBeWritten() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            for (SpoolRecord record : records(0, 3)) {
                spool.append(record);
            }
            spool.drain(new RecordingSender());
            // the temp file of an atomic position write cannot be written (a directory in its place stands for a full
            // disk, which refuses the new file's block)
            Files.createDirectory(dir.resolve("position.tmp"));
            spool.append(record(3));
            spool.append(record(4));

            RecordingSender oneThenFails = new RecordingSender().failingAt(1);
            DrainResult result = spool.drain(oneThenFails);

            assertThat(result.failure()).as("the send of record 4 failed, not the position write").isNotNull()
                    .isNotInstanceOf(IOException.class);
            assertThat(oneThenFails.sent()).containsExactly(record(3));
        }
        RecordingSender after = new RecordingSender();
        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.damagedCount()).isZero();
            assertThat(reopened.depth()).as("the position past record 3 was kept").isEqualTo(1);
            reopened.drain(after);
        }
        assertThat(after.sent()).containsExactly(record(4));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".spool")).sorted().toList();
        }
    }

    private static long frameSize(SpoolRecord record) {
        return FrameCodec.encode(record).remaining();
    }

    private static long sizeOf(List<SpoolRecord> records) {
        return records.stream().mapToLong(SpoolDiskFullTest::frameSize).sum();
    }

    /** A segment file on a disk with {@code free} bytes left: a write past it writes what fits, then fails (ENOSPC). */
    private static final class FillingDisk extends FileChannel {

        private final FileChannel file;
        private final AtomicLong free;

        FillingDisk(FileChannel file, AtomicLong free) {
            this.file = file;
            this.free = free;
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            long wanted = 0;
            for (int i = offset; i < offset + length; i++) {
                wanted += sources[i].remaining();
            }
            if (wanted <= free.get()) {
                long written = file.write(sources, offset, length);
                free.addAndGet(-written);
                return written;
            }
            long room = free.get();
            for (int i = offset; i < offset + length && room > 0; i++) {
                ByteBuffer source = sources[i];
                int part = (int) Math.min(room, source.remaining());
                file.write(source.slice(source.position(), part));
                source.position(source.position() + part);
                room -= part;
            }
            free.set(0);
            throw new IOException("No space left on device");
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return (int) write(new ByteBuffer[] {source}, 0, 1);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            long before = file.size();
            file.truncate(size);
            free.addAndGet(Math.max(0, before - size));
            return this;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return file.read(target);
        }

        @Override
        public long read(ByteBuffer[] targets, int offset, int length) throws IOException {
            return file.read(targets, offset, length);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            file.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            return file.read(target, position);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
