package com.crossdock.platform.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.platform.spool.TestRecords.RecordingSender;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {

    private static final int WRITERS = 8;
    private static final int PER_WRITER = 500;

    @TempDir
    Path dir;

    @Test
    void groupCommitsConcurrentAppendsAndKeepsEachWritersOrder() throws Exception {
        RecordingSender sender = new RecordingSender();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    int id = writer;
                    submitted.add(writers.submit(() -> IntStream.range(0, PER_WRITER)
                            .mapToObj(seq -> spool.appendAsync(record(id, seq)))
                            .toList()));
                }
                for (Future<List<CompletableFuture<Void>>> appends : submitted) {
                    CompletableFuture.allOf(appends.get().toArray(CompletableFuture[]::new)).join();
                }
            } finally {
                writers.shutdown();
            }

            assertThat(spool.depth()).isEqualTo(WRITERS * PER_WRITER);
            assertThat(spool.fsyncCount()).as("group commit").isPositive().isLessThan(WRITERS * PER_WRITER / 10);
            assertThat(spool.drain(sender).delivered()).isEqualTo(WRITERS * PER_WRITER);
        }

        Map<Integer, List<Integer>> byWriter = sender.sent().stream().collect(Collectors.groupingBy(
                record -> ByteBuffer.wrap(record.key()).getInt(),
                Collectors.mapping(record -> ByteBuffer.wrap(record.value()).getInt(), Collectors.toList())));
        List<Integer> inOrder = IntStream.range(0, PER_WRITER).boxed().toList();
        assertThat(byWriter).hasSize(WRITERS).allSatisfy((writer, sequence) -> assertThat(sequence).isEqualTo(inOrder));
    }

    @Test
    void blockingAppendsFromManyThreadsAllBecomeDurable() throws Exception {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    int id = writer;
                    done.add(writers.submit(() -> {
                        for (int seq = 0; seq < 50; seq++) {
                            spool.append(record(id, seq));
                        }
                        return null;
                    }));
                }
                for (Future<?> appends : done) {
                    appends.get();
                }
            } finally {
                writers.shutdown();
            }

            assertThat(spool.depth()).isEqualTo(WRITERS * 50);
            assertThat(spool.fsyncCount()).isLessThanOrEqualTo(WRITERS * 50);
        }
    }

    private static SpoolRecord record(int writer, int seq) {
        return new SpoolRecord("crossdock.order-placed.v1", ByteBuffer.allocate(4).putInt(writer).array(),
                ByteBuffer.allocate(4).putInt(seq).array(),
                List.of(new SpoolRecord.Header("seq", String.valueOf(seq).getBytes(StandardCharsets.UTF_8))));
    }
}
