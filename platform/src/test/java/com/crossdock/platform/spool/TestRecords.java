package com.crossdock.platform.spool;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records that exercise every field shape, and senders that record what the drain hands them. */
final class TestRecords {

    private TestRecords() {
    }

    /** Record {@code i}: null key every third, empty value every fifth, binary, empty and null headers. */
    static SpoolRecord record(int i) {
        byte[] key = i % 3 == 0 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
        byte[] value = i % 5 == 0 ? new byte[0] : ("value-" + i + "-\u00e9\u20ac").getBytes(StandardCharsets.UTF_8);
        List<SpoolRecord.Header> headers = List.of(
                SpoolRecord.Header.of("eventId", "id-" + i),
                new SpoolRecord.Header("binary", new byte[] {0, (byte) 0xFF, (byte) i, 0x7F, (byte) 0x80}),
                new SpoolRecord.Header("empty", new byte[0]),
                new SpoolRecord.Header("absent", null),
                SpoolRecord.Header.of("eventId", "repeated names keep their order"));
        return new SpoolRecord("crossdock.stock-changed.v1", key, value, headers);
    }

    static List<SpoolRecord> records(int from, int toExclusive) {
        List<SpoolRecord> records = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            records.add(record(i));
        }
        return records;
    }

    /** A sender that acknowledges at once and keeps every record it was given, in order. */
    static final class RecordingSender implements DurableSpool.Sender {

        private final List<SpoolRecord> sent = new ArrayList<>();
        private int failAtSend = -1;
        private int attempts;

        /** Fails the send with this index (0-based, counted over this sender's life) once. */
        synchronized RecordingSender failingAt(int sendIndex) {
            failAtSend = sendIndex;
            return this;
        }

        @Override
        public synchronized CompletableFuture<?> send(SpoolRecord record) {
            if (attempts++ == failAtSend) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
            }
            sent.add(record);
            return CompletableFuture.completedFuture(null);
        }

        synchronized List<SpoolRecord> sent() {
            return List.copyOf(sent);
        }
    }
}
