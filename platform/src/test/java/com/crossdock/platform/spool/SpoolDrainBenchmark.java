package com.crossdock.platform.spool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.crossdock.platform.kafka.RawRecordSender;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.unit.DataSize;

/**
 * How fast a spool drains into a real broker after an outage, next to the same producer sending the same records
 * straight from memory (the baseline, measured in the same run against the same broker): records of ~1.1 KB with a
 * key each, as the ingress spools webhooks. Drains with one record in flight (the old default) and with the
 * pipelined defaults of {@link SpoolProperties} (the one-in-flight drain on a tenth of the records: it is slow). Prints records/s, the ratio to the producer, and how long a backlog
 * of a 15 s outage at 1,000 webhooks/s takes to empty while 1,000/s keep arriving (which the spool takes too, to keep
 * the order). Not a test: run it by hand (docs/spool.md, "What draining costs").
 *
 * <p>Arguments: [records per run, default 30000] [rounds, default 3].
 */
public final class SpoolDrainBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SpoolDrainBenchmark.class);
    private static final String TOPIC = "crossdock.bench-webhook-raw.v1";
    private static final int VALUE_BYTES = 1100;
    private static final double ARRIVALS_PER_SECOND = 1000;
    private static final double OUTAGE_SECONDS = 15;

    private SpoolDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
        RawRecordSender sender = new RawRecordSender(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), DataSize.ofMegabytes(2));
        List<SpoolRecord> batch = records(records);
        SpoolProperties defaults = new SpoolProperties(Path.of("unused"), "bench", DataSize.ofMegabytes(64),
                SpoolProperties.DEFAULT_MAX_IN_FLIGHT, SpoolProperties.DEFAULT_COMMIT_EVERY_RECORDS,
                java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(1), DataSize.ofGigabytes(1),
                java.time.Duration.ZERO, null);
        try {
            produce(sender, batch); // warm-up: the producer's id, metadata, the JIT
            // one in flight is slow (a round trip per record): measured on a tenth of the records
            List<SpoolRecord> tenth = batch.subList(0, batch.size() / 10);
            drain(sender, tenth, 1, 100);
            StringBuilder table = new StringBuilder(String.format("%n%5s | %12s | %12s %7s %9s | %12s %7s %9s",
                    "round", "producer r/s", "drain-1 r/s", "ratio", "empty s", "pipelined r/s", "ratio", "empty s"));
            for (int round = 1; round <= rounds; round++) {
                double producer = produce(sender, batch);
                double single = drain(sender, tenth, 1, 100);
                double pipelined = drain(sender, batch, defaults.maxInFlight(), defaults.commitEveryRecords());
                table.append(String.format("%n%5d | %12.0f | %12.0f %7.3f %9s | %12.0f %7.3f %9s", round, producer,
                        single, single / producer, emptyAfter(single), pipelined, pipelined / producer,
                        emptyAfter(pipelined)));
            }
            log.info("Spool drain into one in-process broker, {} records of {} bytes per run (max-in-flight {} and "
                    + "commit-every-records {} pipelined):{}", records, VALUE_BYTES, defaults.maxInFlight(),
                    defaults.commitEveryRecords(), table);
        } finally {
            sender.destroy();
            broker.destroy();
        }
    }

    /** Seconds until the backlog of the outage is gone while arrivals go on; "never" when they outpace the drain. */
    private static String emptyAfter(double drainPerSecond) {
        if (drainPerSecond <= ARRIVALS_PER_SECOND) {
            return "never";
        }
        return String.format("%.1f", OUTAGE_SECONDS * ARRIVALS_PER_SECOND / (drainPerSecond - ARRIVALS_PER_SECOND));
    }

    private static double produce(RawRecordSender sender, List<SpoolRecord> batch) {
        long start = System.nanoTime();
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (SpoolRecord record : batch) {
            acks.add(sender.send(KafkaSpoolRecords.toProducerRecord(record)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        return batch.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double drain(RawRecordSender sender, List<SpoolRecord> batch, int inFlight, int commitEvery)
            throws Exception {
        Path dir = Files.createTempDirectory("spool-drain-bench");
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withMaxInFlight(inFlight)
                .withCommitEveryRecords(commitEvery))) {
            List<CompletableFuture<Void>> appended = new ArrayList<>(batch.size());
            batch.forEach(record -> appended.add(spool.appendAsync(record)));
            CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).join();
            long start = System.nanoTime();
            DrainResult result = spool.drain(record -> sender.send(KafkaSpoolRecords.toProducerRecord(record)));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.succeeded() || result.delivered() != batch.size()) {
                throw new IllegalStateException("drain stopped: " + result);
            }
            return batch.size() / seconds;
        }
    }

    private static List<SpoolRecord> records(int count) {
        Random random = new Random(42);
        List<SpoolRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[VALUE_BYTES];
            random.nextBytes(value);
            byte[] key = Integer.toString(random.nextInt(10_000)).getBytes(StandardCharsets.UTF_8);
            records.add(new SpoolRecord(TOPIC, key, value,
                    List.of(SpoolRecord.Header.of("x-prodsmart-webhook-uuid", UUID.randomUUID().toString()))));
        }
        return records;
    }
}
