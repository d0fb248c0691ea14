package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.record;
import static com.crossdock.platform.spool.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.platform.spool.TestRecords.RecordingSender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void dropsARecordCutShortByACrashAndKeepsTheOnesBefore() throws IOException {
        spool(records(0, 5));
        Path segment = onlySegment();
        truncate(segment, Files.size(segment) - frameSize(record(4)) / 2);

        assertRecoveredAndAppendable(records(0, 5 - 1));
    }

    @Test
    void dropsGarbageAfterTheLastRecord() throws IOException {
        spool(records(0, 5));
        byte[] garbage = new byte[300];
        new Random(42).nextBytes(garbage);
        Files.write(onlySegment(), garbage, StandardOpenOption.APPEND);

        assertRecoveredAndAppendable(records(0, 5));
    }

    @Test
    void dropsSpaceTheDiskNeverWroteAfterTheLastRecord() throws IOException {
        spool(records(0, 5));
        Files.write(onlySegment(), new byte[4096], StandardOpenOption.APPEND);

        assertRecoveredAndAppendable(records(0, 5));
    }

    @Test
    void setsAsideASegmentDamagedInTheMiddleAndGoesOnWithEveryIntactRecord() throws IOException {
        spool(records(0, 5));
        Path segment = onlySegment();
        long thirdRecord = frameSize(record(0)) + frameSize(record(1));
        flipByte(segment, thirdRecord + FrameCodec.HEADER_BYTES + 10);

        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(spool.damagedCount()).isEqualTo(1);
            spool.drain(sender);
            spool.append(record(5));
            spool.drain(sender);
        }

        assertThat(sender.sent()).as("all but the damaged record, in order")
                .containsExactly(record(0), record(1), record(3), record(4), record(5));
        assertThat(damagedFiles()).singleElement().satisfies(kept ->
                assertThat(Files.size(kept)).as("the evidence is kept whole").isEqualTo(sizeOf(records(0, 5))));
    }

    @Test
    void dropsADamagedLastRecordForItCannotBeToldFromATornWrite() throws IOException {
        spool(records(0, 5));
        Path segment = onlySegment();
        flipByte(segment, Files.size(segment) - 2);

        assertRecoveredAndAppendable(records(0, 4));
    }

    @Test
    void skipsADamagedLengthFieldToTheNextIntactRecord() throws IOException {
        spool(records(0, 5));
        flipByte(onlySegment(), frameSize(record(0)) + 3);

        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            spool.drain(sender);
        }

        assertThat(sender.sent()).containsExactly(record(0), record(2), record(3), record(4));
    }

    @Test
    void setsAsideAnOlderSegmentThatEndsShortAndKeepsTheRecordsOfTheNewerOnes() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withSegmentBytes(400))) {
            for (SpoolRecord record : records(0, 20)) {
                spool.append(record);
            }
        }
        Path oldest = segments().get(0);
        truncate(oldest, Files.size(oldest) - 5);

        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withSegmentBytes(400))) {
            assertThat(spool.damagedCount()).isEqualTo(1);
            spool.drain(sender);
        }

        assertThat(sender.sent()).hasSize(19).doesNotHaveDuplicates().isSubsetOf(records(0, 20));
        assertThat(damagedFiles()).singleElement()
                .satisfies(kept -> assertThat(kept.getFileName().toString()).startsWith(oldest.getFileName().toString()));
    }

    @Test
    void aDamagedPositionFileIsSetAsideAndTheDrainStartsAtTheOldestRecordKept() throws IOException {
        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            for (SpoolRecord record : records(0, 6)) {
                spool.append(record);
            }
            // three drained, the position written after them; three still wait
            spool.drain(new RecordingSender().failingAt(3));
        }
        Files.write(dir.resolve("position"), new byte[] {1, 2, 3});

        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.damagedCount()).isEqualTo(1);
            reopened.drain(sender);
        }

        assertThat(sender.sent()).as("sent again rather than lost").endsWith(record(5)).contains(record(0));
        assertThat(damagedFiles()).singleElement()
                .satisfies(kept -> assertThat(kept.getFileName().toString()).startsWith("position"));
    }

    @Test
    void stopsTheDrainAtARecordDamagedAfterOpen() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            for (SpoolRecord record : records(0, 5)) {
                spool.append(record);
            }
            flipByte(onlySegment(), frameSize(record(0)) + frameSize(record(1)) + FrameCodec.HEADER_BYTES + 4);
            RecordingSender sender = new RecordingSender();

            DrainResult result = spool.drain(sender);
            DrainResult again = spool.drain(sender);

            assertThat(result.failure()).isInstanceOf(SpoolCorruptedException.class);
            assertThat(again.failure()).as("never skipped").isInstanceOf(SpoolCorruptedException.class);
            assertThat(sender.sent()).containsExactlyElementsOf(records(0, 2));
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(spool.corruptionCount()).isEqualTo(2);
        }
    }

    @Test
    void countsAndSetsAsideDamageInRecordsAlreadyDrainedAndDrainsTheRestOnce() throws IOException {
        RecordingSender sender = new RecordingSender().failingAt(3);
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            for (SpoolRecord record : records(0, 5)) {
                spool.append(record);
            }
            spool.drain(sender);
            assertThat(spool.depth()).as("three drained, the position committed after them").isEqualTo(2);
        }
        Path segment = onlySegment();
        flipByte(segment, FrameCodec.HEADER_BYTES + 4);

        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.damagedCount()).as("damage before the committed position is counted").isPositive();
            assertThat(reopened.depth()).isEqualTo(2);
            reopened.drain(sender);
        }
        assertThat(sender.sent()).as("the records after the position once, nothing drained already sent again")
                .containsExactlyElementsOf(records(0, 5));
        assertThat(damagedFiles()).anySatisfy(kept -> assertThat(Files.size(kept))
                .as("the damaged segment kept whole as evidence").isEqualTo(sizeOf(records(0, 5))));
    }

    private List<Path> damagedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("damaged"))) {
            return files.toList();
        }
    }

    private void assertRecoveredAndAppendable(List<SpoolRecord> survivors) throws IOException {
        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(spool.depth()).isEqualTo(survivors.size());
            spool.append(record(99));
            spool.drain(sender);
        }
        assertThat(sender.sent()).containsExactlyElementsOf(
                Stream.concat(survivors.stream(), Stream.of(record(99))).toList());
    }

    private void spool(List<SpoolRecord> records) throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            for (SpoolRecord record : records) {
                spool.append(record);
            }
        }
    }

    private static long frameSize(SpoolRecord record) {
        return FrameCodec.encode(record).remaining();
    }

    private static long sizeOf(List<SpoolRecord> records) {
        return records.stream().mapToLong(SpoolRecoveryTest::frameSize).sum();
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".spool")).sorted().toList();
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int original = raf.read();
            raf.seek(offset);
            raf.write(original ^ 0x10);
        }
    }
}
