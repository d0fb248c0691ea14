package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the spool costs on the local disk: appends per second and p50/p99 latency of a blocking
 * {@link DurableSpool#append} of 1 KB records with 1, 8 and 64 writers, next to the same spool writing
 * without fsync. Not a test: run it by hand (see {@code docs/spool.md}).
 *
 * <p>Arguments: [directory on the disk to measure] [seconds per run].
 */
public final class SpoolBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SpoolBenchmark.class);
    private static final int RECORD_BYTES = 1024;
    private static final int[] WRITERS = {1, 8, 64};

    private record Run(long appends, double seconds, long[] latenciesNanos, long fsyncs) {

        double perSecond() {
            return appends / seconds;
        }

        double percentileMicros(double p) {
            return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.floor(p * latenciesNanos.length))]
                    / 1000.0;
        }
    }

    private SpoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Paths.get(args.length > 0 ? args[0] : "target/spool-benchmark");
        Duration length = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        Files.createDirectories(base);
        measure(base.resolve("warmup"), 8, true, Duration.ofSeconds(2));
        StringBuilder table = new StringBuilder(String.format("%n%7s | %12s %9s %9s %8s | %12s %9s %9s | %9s %9s",
                "writers", "fsync ap/s", "p50 us", "p99 us", "rec/sync", "nosync ap/s", "p50 us", "p99 us",
                "ap/s x", "p99 x"));
        for (int writers : WRITERS) {
            Run synced = measure(base.resolve("fsync-" + writers), writers, true, length);
            Run unsynced = measure(base.resolve("nosync-" + writers), writers, false, length);
            table.append(String.format("%n%7d | %12.0f %9.0f %9.0f %8.1f | %12.0f %9.0f %9.0f | %9.3f %9.1f",
                    writers, synced.perSecond(), synced.percentileMicros(0.50), synced.percentileMicros(0.99),
                    (double) synced.appends() / synced.fsyncs(), unsynced.perSecond(),
                    unsynced.percentileMicros(0.50), unsynced.percentileMicros(0.99),
                    synced.perSecond() / unsynced.perSecond(),
                    synced.percentileMicros(0.99) / unsynced.percentileMicros(0.99)));
        }
        log.info("Spool benchmark, {} byte values, {} s per run, directory {}{}", RECORD_BYTES, length.toSeconds(),
                base.toAbsolutePath(), table);
    }

    private static Run measure(Path dir, int writers, boolean fsync, Duration length) throws Exception {
        deleteRecursively(dir);
        SpoolOptions options = SpoolOptions.defaults(dir);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (DurableSpool spool = fsync ? DurableSpool.open(options) : DurableSpool.openWithoutFsync(options)) {
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                SpoolRecord record = record(i);
                results.add(pool.submit(() -> appendUntil(spool, record, deadline)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> result : results) {
                latencies.add(result.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Run(all.length, seconds, all, spool.fsyncCount());
        } finally {
            pool.shutdown();
            deleteRecursively(dir);
        }
    }

    private static long[] appendUntil(DurableSpool spool, SpoolRecord record, long deadline) throws IOException {
        long[] latencies = new long[1 << 16];
        int count = 0;
        while (System.nanoTime() < deadline) {
            long before = System.nanoTime();
            spool.append(record);
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - before;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static SpoolRecord record(int writer) {
        byte[] value = new byte[RECORD_BYTES];
        new Random(writer).nextBytes(value);
        return new SpoolRecord("crossdock.stock-changed.v1", ("writer-" + writer).getBytes(), value,
                List.of(SpoolRecord.Header.of("eventId", "00000000-0000-0000-0000-00000000000" + writer % 10)));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
