package com.crossdock.operator;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.crossdock.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replay, rate-limiter and tap throughput against the test broker (in-process KRaft unless Docker is there).
 * Not a test: run it with {@code java -cp <test classpath> com.crossdock.operator.ReplayBenchmark [records]};
 * the results go to docs/operator.md by hand.
 */
public final class ReplayBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String servers = TestKafka.bootstrapServers();
        DeadLetters topics = DeadLetters.create("bench", 3);
        byte[] value = new byte[1024];
        ThreadLocalRandom.current().nextBytes(value);

        // the rate test's dead letters first: the in-process broker, starved of CPU after the 100k runs, was seen
        // rejecting a fresh idempotent producer's first batches on a new topic (OutOfOrderSequenceException) forever
        DeadLetters paced = DeadLetters.create("bench-rate", 3);
        produce(paced, 5000, value);
        long produceNanos = produce(topics, records, value);
        double produceRate = records / seconds(produceNanos);
        log.warn("baseline: plain KafkaProducer (acks=all) {} dead letters of 1 KB in {} s = {} records/s",
                records, fmt(seconds(produceNanos)), fmt(produceRate));

        long started = System.nanoTime();
        int code = run(new PrintWriter(Writer.nullWriter()), "dlt", "replay", topics.dlt, "--group", topics.group, "--bootstrap-servers", servers);
        double replaySeconds = seconds(System.nanoTime() - started);
        log.warn("dlt replay: exit {} {} records in {} s = {} records/s; ratio to the raw produce rate {}",
                code, records, fmt(replaySeconds), fmt(records / replaySeconds), fmt(records / replaySeconds / produceRate));

        CountingWriter lines = new CountingWriter();
        started = System.nanoTime();
        code = run(new PrintWriter(lines), "tap", topics.dlt, "--bootstrap-servers", servers);
        double tapSeconds = seconds(System.nanoTime() - started);
        log.warn("tap: exit {} {} JSON lines in {} s = {} records/s", code, lines.lines, fmt(tapSeconds), fmt(lines.lines / tapSeconds));

        started = System.nanoTime();
        code = run(new PrintWriter(Writer.nullWriter()), "dlt", "replay", paced.dlt, "--group", paced.group, "--rate", "1000",
                "--bootstrap-servers", servers);
        double rateSeconds = seconds(System.nanoTime() - started);
        var sent = DeadLetters.readAll(paced.retry);
        log.warn("--rate 1000: exit {} {} records in {} s = {} records/s, achieved/asked {}",
                code, sent.size(), fmt(rateSeconds), fmt(sent.size() / rateSeconds), fmt(sent.size() / rateSeconds / 1000));
        // the wall clock above includes connecting and the audit record; the records' own timestamps do not
        long first = sent.stream().mapToLong(r -> r.timestamp()).min().orElseThrow();
        long last = sent.stream().mapToLong(r -> r.timestamp()).max().orElseThrow();
        double sendingRate = (sent.size() - 1) * 1000.0 / (last - first);
        log.warn("--rate 1000: {} records, first to last send {} ms = {} records/s, achieved/asked {}",
                sent.size(), last - first, fmt(sendingRate), fmt(sendingRate / 1000));
        System.exit(0);
    }

    private static long produce(DeadLetters topics, int records, byte[] value) throws Exception {
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = DeadLetters.producer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                ProducerRecord<byte[], byte[]> record = topics.deadLetter("key-" + i, value, "com.x.VendorCallException", Map.of());
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        return System.nanoTime() - started;
    }

    private static int run(PrintWriter out, String... args) {
        return Operator.commandLine(out, new PrintWriter(Writer.nullWriter())).execute(args);
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }

    private static final class CountingWriter extends Writer {
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
