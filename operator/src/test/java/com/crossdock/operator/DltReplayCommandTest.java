package com.crossdock.operator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DltReplayCommandTest {

    private static final String SERVICE_DOWN = "com.crossdock.platform.vendor.VendorCallException";

    @Test
    void replaysOnlyTheFilteredDeadLettersToTheGroupsRetryTopicByteForByte() throws Exception {
        DeadLetters topics = DeadLetters.create("replay", 3);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(topics.deadLetter("k" + i, new byte[] {0, (byte) i, (byte) 0xfe}, i % 2 == 0 ? SERVICE_DOWN : "java.lang.IllegalStateException", Map.of()));
        }
        topics.send(sent);

        OperatorRun run = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group,
                "--failure-class", "VendorCallException", "--key", "k0", "--key", "k1", "--key", "k2", "--operator", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> replayed = DeadLetters.readAll(topics.retry);
        assertThat(DeadLetters.keys(replayed)).containsExactlyInAnyOrder("k0", "k2");
        assertThat(replayed).hasSize(2);
        ConsumerRecord<byte[], byte[]> k2 = replayed.stream().filter(r -> DeadLetters.key(r).equals("k2")).findFirst().orElseThrow();
        assertThat(k2.value()).containsExactly(0, 2, 0xfe);
        assertThat(k2.headers().lastHeader("x-original").value()).containsExactly(1, 2, 0xff);
        assertThat(DeadLetters.header(k2, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo(SERVICE_DOWN);
        assertThat(DeadLetters.header(k2, ReplayHeaders.COUNT)).isEqualTo("1");
        assertThat(DeadLetters.header(k2, ReplayHeaders.OPERATOR)).isEqualTo("alice");
        assertThat(DeadLetters.header(k2, ReplayHeaders.ORIGINAL_TOPIC)).isEqualTo(topics.dlt);
        assertThat(DeadLetters.header(k2, ReplayHeaders.ID)).isNotBlank();
        assertThat(DeadLetters.header(k2, ReplayHeaders.TIME)).isNotBlank();
        assertThat(DeadLetters.readAll(topics.source)).as("siblings on the source topic see nothing").isEmpty();
        assertThat(DeadLetters.readAll(Topics.OPERATOR_AUDIT)).anyMatch(r -> new String(r.value()).contains(topics.dlt)
                && new String(r.value()).contains("\"operator\":\"alice\"") && new String(r.value()).contains("\"replayed\":2"));
    }

    @Test
    void runningTheSameReplayAgainSendsNothingTwice() throws Exception {
        DeadLetters topics = DeadLetters.create("again", 2);
        topics.send(List.of(topics.deadLetter("a", new byte[] {1}, SERVICE_DOWN, Map.of()),
                topics.deadLetter("b", new byte[] {2}, SERVICE_DOWN, Map.of())));

        OperatorRun first = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group);
        OperatorRun second = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 matched");
        assertThat(DeadLetters.readAll(topics.retry)).hasSize(2);
    }

    @Test
    void dryRunShowsWhatWouldBeSentAndChangesNothing() throws Exception {
        DeadLetters topics = DeadLetters.create("dry", 1);
        topics.send(List.of(topics.deadLetter("a", new byte[] {1}, SERVICE_DOWN, Map.of())));

        OperatorRun dry = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group, "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would send " + topics.dlt + "-0@0 key=a to " + topics.retry)
                .contains(SERVICE_DOWN).contains("vendor refused a");
        assertThat(DeadLetters.readAll(topics.retry)).isEmpty();
        assertThat(DeadLetters.readAll(topics.parked)).isEmpty();
        try (KafkaAccess kafka = new KafkaAccess(TestKafka.bootstrapServers(), ClientConfig.NONE, Duration.ofSeconds(10))) {
            assertThat(kafka.topics()).as("neither the dry run nor reading the parking topic created it").doesNotContain(topics.parked);
        }
        OperatorRun real = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group);
        assertThat(real.exitCode()).as(real.err()).isZero();
        assertThat(DeadLetters.readAll(topics.retry)).as("the dry run committed no position").hasSize(1);
    }

    @Test
    void parksARecordThatFailedAgainAfterMaxReplays() throws Exception {
        DeadLetters topics = DeadLetters.create("park", 1);
        topics.send(List.of(topics.deadLetter("tired", new byte[] {1}, SERVICE_DOWN, Map.of(ReplayHeaders.COUNT, "3")),
                topics.deadLetter("fresh", new byte[] {2}, SERVICE_DOWN, Map.of(ReplayHeaders.COUNT, "2"))));

        OperatorRun run = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(DeadLetters.keys(DeadLetters.readAll(topics.retry))).containsExactly("fresh");
        List<ConsumerRecord<byte[], byte[]>> parked = DeadLetters.readAll(topics.parked);
        assertThat(DeadLetters.keys(parked)).containsExactly("tired");
        assertThat(DeadLetters.header(parked.get(0), ReplayHeaders.PARKED_REASON)).contains("3 replays");
        assertThat(DeadLetters.header(DeadLetters.readAll(topics.retry).get(0), ReplayHeaders.COUNT)).isEqualTo("3");
    }

    @Test
    void aReplayStoppedAtMaxCountResumesWhereItStopped() throws Exception {
        DeadLetters topics = DeadLetters.create("resume", 3);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(topics.deadLetter("key-" + i, new byte[] {(byte) i}, SERVICE_DOWN, Map.of()));
        }
        topics.send(records);

        OperatorRun first = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group, "--max-count", "7");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("stopped at --max-count 7");
        assertThat(DeadLetters.readAll(topics.retry)).hasSize(7);

        OperatorRun second = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group);
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> replayed = DeadLetters.readAll(topics.retry);
        assertThat(replayed).hasSize(20);
        assertThat(DeadLetters.keys(replayed)).hasSize(20);
    }

    @Test
    void aReplayWhoseSendsFailHalfWayReportsPartialAndTheNextRunDeliversTheRestOnce() throws Exception {
        DeadLetters topics = DeadLetters.create("crash", 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(topics.deadLetter("key-" + i, new byte[] {(byte) i}, SERVICE_DOWN, Map.of()));
        }
        topics.send(records);
        ReplayRequest request = new ReplayRequest(topics.dlt, topics.group, RecordFilter.ANY, 0, 0, false, 3, "r-crash", "test");
        KafkaAccess kafka = new KafkaAccess(TestKafka.bootstrapServers(), ClientConfig.NONE, Duration.ofSeconds(10));

        ReplayResult broken;
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(request.positionGroup()); KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            AtomicInteger sends = new AtomicInteger();
            Replayer.Sender failingAfterFour = record -> sends.incrementAndGet() <= 4 ? producer.send(record)
                    : CompletableFuture.failedFuture(new IllegalStateException("broker went away"));
            broken = new Replayer(consumer, failingAfterFour, Duration.ofSeconds(10), Clock.systemUTC())
                    .run(request, kafka.partitions(topics.dlt), (r, t) -> { });
        }
        assertThat(broken.error()).contains("broker went away");
        assertThat(DeadLetters.readAll(topics.retry)).hasSize(4);

        OperatorRun resumed = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", topics.group, "--replay-id", "r-crash");
        kafka.close();

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> replayed = DeadLetters.readAll(topics.retry);
        assertThat(replayed).hasSize(10);
        assertThat(DeadLetters.keys(replayed)).hasSize(10);
    }

    @Test
    void refusesAGroupThatDidNotFailTheRecordsWithExitCode3() throws Exception {
        DeadLetters topics = DeadLetters.create("wronggroup", 1);

        OperatorRun run = OperatorRun.onTestBroker("dlt", "replay", topics.dlt, "--group", "someone-else");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNKNOWN_TOPIC_OR_GROUP);
        assertThat(run.err()).contains("group someone-else has no dead letters on " + topics.dlt);
    }

    @Test
    void unknownDeadLetterTopicIsExitCode3() {
        OperatorRun run = OperatorRun.onTestBroker("dlt", "replay", "crossdock.nothing.v1.nobody.dlt", "--group", "nobody");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNKNOWN_TOPIC_OR_GROUP);
        assertThat(run.err()).contains("unknown topic: crossdock.nothing.v1.nobody.dlt");
    }

    @Test
    void badFiltersAreUsageErrors() {
        OperatorRun missingGroup = OperatorRun.onTestBroker("dlt", "replay", "x.g.dlt");
        OperatorRun badTime = OperatorRun.onTestBroker("dlt", "replay", "x.g.dlt", "--group", "g", "--from-time", "yesterday");
        OperatorRun reversedOffsets = OperatorRun.onTestBroker("dlt", "replay", "x.g.dlt", "--group", "g", "--from-offset", "9", "--to-offset", "3");
        OperatorRun negativeRate = OperatorRun.onTestBroker("dlt", "replay", "x.g.dlt", "--group", "g", "--rate", "-1");

        assertThat(missingGroup.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingGroup.err()).contains("--group");
        assertThat(badTime.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTime.err()).contains("not an ISO-8601 instant");
        assertThat(reversedOffsets.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reversedOffsets.err()).contains("--from-offset 9 is above --to-offset 3");
        assertThat(negativeRate.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unreachableBrokerIsExitCode4WithinTheTimeout() {
        long started = System.nanoTime();

        OperatorRun run = OperatorRun.run("dlt", "list", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "2s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err()).contains("broker 127.0.0.1:1 unreachable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
