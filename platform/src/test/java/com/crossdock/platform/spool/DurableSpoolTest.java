package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.record;
import static com.crossdock.platform.spool.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.platform.spool.TestRecords.RecordingSender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableSpoolTest {

    @TempDir
    Path dir;

    @Test
    void drainsRecordsInAppendOrderByteForByte() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            appendAll(spool, records(0, 50));
            assertThat(spool.depth()).isEqualTo(50);
            assertThat(spool.isEmpty()).isFalse();

            RecordingSender sender = new RecordingSender();
            DrainResult result = spool.drain(sender);

            assertThat(result.succeeded()).isTrue();
            assertThat(result.delivered()).isEqualTo(50);
            assertThat(sender.sent()).containsExactlyElementsOf(records(0, 50));
            assertThat(sender.sent().get(0).key()).isNull();
            assertThat(sender.sent().get(5).value()).isEmpty();
            assertThat(spool.depth()).isZero();
            assertThat(spool.bytes()).isZero();
            assertThat(spool.isEmpty()).isTrue();
        }
    }

    @Test
    void stopsAtAFailedSendAndResumesFromThatRecord() throws IOException {
        RecordingSender sender = new RecordingSender().failingAt(7);
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withCommitEveryRecords(3))) {
            appendAll(spool, records(0, 20));

            DrainResult failed = spool.drain(sender);

            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.failure()).hasMessage("broker unavailable");
            assertThat(failed.delivered()).isEqualTo(7);
            assertThat(spool.depth()).isEqualTo(13);
        }
        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.depth()).as("position persisted at the failed record").isEqualTo(13);

            assertThat(reopened.drain(sender).succeeded()).isTrue();
        }
        assertThat(sender.sent()).containsExactlyElementsOf(records(0, 20));
    }

    @Test
    void reopenedSpoolDeliversWhatWasSpooledAndNothingTwice() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            appendAll(spool, records(0, 30));
        }
        RecordingSender sender = new RecordingSender();
        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.depth()).isEqualTo(30);
            assertThat(reopened.bytes()).isPositive();
            reopened.drain(sender);
        }
        try (DurableSpool drained = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(drained.depth()).isZero();
            assertThat(drained.isEmpty()).isTrue();
            drained.drain(sender);
            drained.append(record(30));
            drained.drain(sender);
        }
        assertThat(sender.sent()).containsExactlyElementsOf(records(0, 31));
    }

    @Test
    void deletesDrainedSegments() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withSegmentBytes(400))) {
            appendAll(spool, records(0, 40));
            assertThat(segmentFiles()).hasSizeGreaterThan(5);

            RecordingSender sender = new RecordingSender();
            spool.drain(sender);

            assertThat(sender.sent()).containsExactlyElementsOf(records(0, 40));
            assertThat(segmentFiles()).as("only the segment being appended to stays").hasSize(1);
            spool.append(record(40));
            spool.drain(sender);
            assertThat(sender.sent()).hasSize(41).last().isEqualTo(record(40));
        }
        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir).withSegmentBytes(400))) {
            assertThat(reopened.depth()).isZero();
        }
    }

    @Test
    void keepsUpToMaxInFlightSendsUnacknowledged() throws IOException {
        List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withMaxInFlight(4))) {
            appendAll(spool, records(0, 10));
            CompletableFuture<DrainResult> drain = CompletableFuture.supplyAsync(() -> spool.drain(record -> {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                acks.add(ack);
                return ack;
            }));

            await().untilAsserted(() -> assertThat(acks).hasSize(4));
            acks.get(0).complete(null);
            await().untilAsserted(() -> assertThat(acks).hasSize(5));
            assertThat(spool.depth()).isEqualTo(9);
            await().untilAsserted(() -> {
                acks.forEach(ack -> ack.complete(null));
                assertThat(drain).isDone();
            });
            assertThat(drain.join().delivered()).isEqualTo(10);
        }
    }

    @Test
    void givesUpOnASendThatIsNeverAcknowledged() throws IOException {
        SpoolOptions options = SpoolOptions.defaults(dir).withSendTimeout(Duration.ofMillis(50));
        try (DurableSpool spool = DurableSpool.open(options)) {
            appendAll(spool, records(0, 3));

            DrainResult result = spool.drain(record -> new CompletableFuture<>());

            assertThat(result.failure()).isInstanceOf(TimeoutException.class);
            assertThat(spool.depth()).isEqualTo(3);
        }
    }

    @Test
    void stopsDrainingWhenAskedAfterTheSendInFlight() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            appendAll(spool, records(0, 10));
            AtomicInteger sends = new AtomicInteger();

            DrainResult result = spool.drain(record -> CompletableFuture.completedFuture(sends.incrementAndGet()),
                    () -> sends.get() >= 3);

            assertThat(result.succeeded()).isTrue();
            assertThat(result.delivered()).isEqualTo(3);
        }
        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.depth()).isEqualTo(7);
        }
    }

    @Test
    void treatsASenderThatThrowsAsAFailedSend() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            appendAll(spool, records(0, 2));

            DrainResult result = spool.drain(record -> {
                throw new IllegalStateException("producer closed");
            });

            assertThat(result.failure()).hasMessage("producer closed");
            assertThat(spool.depth()).isEqualTo(2);
        }
    }

    @Test
    void setsAsideARecordKafkaRefusesForGoodAndDrainsEveryRecordBehindIt() throws IOException {
        SpoolRecord tooLarge = record(3);
        DurableSpool.Sender refusingOne = record -> record.equals(tooLarge)
                ? CompletableFuture.failedFuture(new org.apache.kafka.common.errors.RecordTooLargeException(
                        "The message is 1048700 bytes when serialized which is larger than 1048576"))
                : CompletableFuture.completedFuture(null);
        List<SpoolRecord> sent = new CopyOnWriteArrayList<>();
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withMaxInFlight(4))) {
            appendAll(spool, records(0, 10));

            DrainResult result = spool.drain(record -> {
                CompletableFuture<?> ack = refusingOne.send(record);
                if (!ack.isCompletedExceptionally()) {
                    sent.add(record);
                }
                return ack;
            });

            assertThat(result.succeeded()).isTrue();
            assertThat(result.delivered()).as("the set-aside record is not counted as delivered").isEqualTo(9);
            assertThat(sent).containsExactlyElementsOf(records(0, 10).stream().filter(r -> !r.equals(tooLarge)).toList());
            assertThat(spool.depth()).isZero();
            assertThat(spool.setAsideDepth()).isEqualTo(1);
        }
        try (DurableSpool reopened = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThat(reopened.setAsideDepth()).as("the set-aside survives a restart").isEqualTo(1);
            assertThat(reopened.setAsideRecords(10)).singleElement().satisfies(kept -> {
                assertThat(kept.value()).isEqualTo(tooLarge.value());
                assertThat(kept.headers()).anySatisfy(header -> {
                    assertThat(header.name()).isEqualTo(DurableSpool.SET_ASIDE_REASON);
                    assertThat(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains("RecordTooLargeException");
                });
            });
            assertThat(reopened.replaySetAside(refusingOne).succeeded())
                    .as("still refused: it stays set aside").isFalse();
            assertThat(reopened.setAsideDepth()).isEqualTo(1);

            RecordingSender fixed = new RecordingSender();
            DrainResult replayed = reopened.replaySetAside(fixed);

            assertThat(replayed.delivered()).isEqualTo(1);
            assertThat(fixed.sent()).as("sent as it was spooled, without the set-aside headers")
                    .containsExactly(tooLarge);
            assertThat(reopened.setAsideDepth()).isZero();
        }
    }

    @Test
    void aFailureThatMayPassLaterStillStopsTheDrainInsteadOfSettingTheRecordAside() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            appendAll(spool, records(0, 3));

            DrainResult result = spool.drain(record -> CompletableFuture.failedFuture(
                    new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)")));

            assertThat(result.succeeded()).isFalse();
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(spool.setAsideDepth()).isZero();
        }
    }

    @Test
    void aFullSpoolRefusesAppendsClearlyUntilTheDrainMakesRoom() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir).withMaxBytes(300))) {
            List<SpoolRecord> taken = new java.util.ArrayList<>();
            Throwable refusal = null;
            for (SpoolRecord record : records(0, 50)) {
                try {
                    spool.append(record);
                    taken.add(record);
                } catch (SpoolFullException full) {
                    refusal = full;
                    break;
                }
            }

            assertThat(taken).isNotEmpty();
            assertThat(refusal).hasMessageContaining("is full").hasMessageContaining("at most 300");
            assertThat(spool.bytes()).isLessThanOrEqualTo(300);
            assertThat(spool.refusedFullCount()).isEqualTo(1);

            RecordingSender sender = new RecordingSender();
            spool.drain(sender);
            spool.append(record(99));

            assertThat(spool.depth()).as("room again once drained").isEqualTo(1);
        }
    }

    @Test
    void refusesASecondSpoolOnTheSameDirectory() throws IOException {
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir))) {
            assertThatThrownBy(() -> DurableSpool.open(SpoolOptions.defaults(dir)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
        }
        DurableSpool.open(SpoolOptions.defaults(dir)).close();
    }

    @Test
    void refusesAppendsAfterClose() throws IOException {
        DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(dir));
        spool.close();

        assertThat(spool.appendAsync(record(0))).isCompletedExceptionally();
    }

    private static void appendAll(DurableSpool spool, List<SpoolRecord> records) throws IOException {
        for (SpoolRecord record : records) {
            spool.append(record);
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".spool")).toList();
        }
    }
}
