package com.crossdock.platform.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolOptions;
import com.crossdock.platform.vendor.VendorCallException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/** The kit's cadence and save-before-next-read for one channel, with a fake source and a fake Kafka. */
class FeedReaderTest {

    private static final FeedSettings SETTINGS = new FeedSettings(Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofSeconds(1), null);
    /** The fake vendor's page: two items. */
    private static final int PAGE_SIZE = 2;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private final PollerMetrics metrics = new PollerMetrics(registry, clock, "acme");
    /** What happened, in order: records sent to Kafka, pages saved. */
    private final List<String> events = new ArrayList<>();
    private final FakeSource source = new FakeSource();
    /** The channels the reader asked to reconcile, in order. */
    private final List<String> reconciled = new ArrayList<>();

    @TempDir
    Path dir;

    private DurableSpool spool;

    @BeforeEach
    void openSpool() throws Exception {
        spool = DurableSpool.open(SpoolOptions.defaults(dir));
        metrics.channel(source.channel());
    }

    @AfterEach
    void closeSpool() throws Exception {
        spool.close();
    }

    @Test
    void readsAgainAtOnceAfterAFullPageAndAfterTheIdleIntervalOtherwise() throws Exception {
        source.answers.add(List.of("a", "b"));
        source.answers.add(List.of("c"));
        FeedReader reader = reader(() -> true, () -> true);

        assertThat(reader.readOnce(source)).isZero();
        assertThat(reader.readOnce(source)).isEqualTo(SETTINGS.idleInterval());

        assertThat(events).containsExactly("sent a", "sent b", "saved 2", "sent c", "saved 1");
        assertThat(registry.counter(PollerMetrics.ITEMS, "vendor", "acme", "channel", "orders", "type", "ORDER").count())
                .isEqualTo(3);
        assertThat(registry.get(PollerMetrics.PERSIST).tags("vendor", "acme", "channel", "orders").timer().count())
                .isEqualTo(2);
    }

    @Test
    void readsNothingOnAStandbyOrWhileTheSpoolHoldsRecords() throws Exception {
        source.answers.add(List.of("a"));

        assertThat(reader(() -> false, () -> true).readOnce(source)).isEqualTo(SETTINGS.recheckInterval());
        assertThat(reader(() -> true, () -> false).readOnce(source)).isEqualTo(SETTINGS.recheckInterval());

        assertThat(source.fetches).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void waitsTheIdleIntervalAfterAFailedReadAndSavesNothing() throws Exception {
        FeedReader reader = reader(() -> true, () -> true);

        assertThat(reader.readOnce(source)).as("no answer scripted: the read fails").isEqualTo(SETTINGS.idleInterval());

        assertThat(source.fetches).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void theLagGrowsUntilTheChannelIsSeenDrained() throws Exception {
        source.answers.add(List.of("a", "b"));
        source.answers.add(List.of());
        FeedReader reader = reader(() -> true, () -> true);
        clock.add(Duration.ofSeconds(30));

        reader.readOnce(source);
        assertThat(metrics.lagSeconds("orders")).as("a full page: more is waiting").isEqualTo(30.0);
        reader.readOnce(source);

        assertThat(registry.get(PollerMetrics.LAG).tags("vendor", "acme", "channel", "orders").gauge().value()).isZero();
    }

    @Test
    void keepsAnAnswerTheSourceThrowsOnWholeOnTheRawTopicWithTheReasonAndReadsOn() throws Exception {
        source.answers.add(List.of("a", FakeSource.UNREADABLE));
        source.answers.add(List.of("c"));
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        FeedReader reader = reader(record -> {
            sent.add(record);
            return CompletableFuture.completedFuture(null);
        });

        assertThat(reader.readOnce(source)).as("a failed page: the idle interval").isEqualTo(SETTINGS.idleInterval());
        assertThat(reader.readOnce(source)).isEqualTo(SETTINGS.idleInterval());

        assertThat(source.fetches).as("the next read happens").isEqualTo(2);
        assertThat(sent).hasSize(2);
        ProducerRecord<byte[], byte[]> kept = sent.get(0);
        assertThat(kept.topic()).isEqualTo(KitFixtures.RAW.topic());
        assertThat(new String(kept.value(), StandardCharsets.UTF_8)).isEqualTo("a\n" + FakeSource.UNREADABLE);
        assertThat(header(kept, KitFixtures.RAW.mappingErrorHeader())).contains("cannot read item " + FakeSource.UNREADABLE);
        assertThat(header(kept, KitFixtures.RAW.channelHeader())).isEqualTo("orders");
        assertThat(new String(sent.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("c");
        assertThat(events).as("only the page the source made is reported saved").containsExactly("saved 1");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private FeedReader reader(BooleanSupplier leaseActive, BooleanSupplier spoolEmpty) {
        return reader(KitFixtures.recordingSink(events), leaseActive, spoolEmpty);
    }

    private FeedReader reader(RecordSink sink) {
        return reader(sink, () -> true, () -> true);
    }

    private FeedReader reader(RecordSink sink, BooleanSupplier leaseActive, BooleanSupplier spoolEmpty) {
        BatchWriter writer = KitFixtures.writer(sink, spool, SETTINGS.kafkaTimeout(), SETTINGS.retry(), metrics);
        return new FeedReader(KitFixtures.rawOnlyEncoder(), writer, KitFixtures.RAW, leaseActive, spoolEmpty, SETTINGS,
                metrics, clock, lost -> reconciled.add(lost.channel() + " " + lost.reconciledBy()));
    }

    @Test
    void aDestructiveReadThatMayHaveBeenServedCountsAPossiblyLostPageAndReconcilesTheChannel() throws Exception {
        source.destructive = true;
        source.failure = VendorCallException.ofTimeout("acme", "getChanges", new TimeoutException("no answer in 1s"));
        FeedReader reader = reader(KitFixtures.recordingSink(events));

        assertThat(reader.readOnce(source)).isEqualTo(SETTINGS.idleInterval());

        assertThat(lostPages()).isEqualTo(1.0);
        assertThat(reconciled).containsExactly("orders [orders-list]");
        assertThat(events).as("nothing was read, nothing saved").isEmpty();
    }

    @Test
    void aReadThatProvablyNeverReachedTheVendorOrAReadThatIsNotDestructiveLosesNothing() throws Exception {
        FeedReader reader = reader(KitFixtures.recordingSink(events));
        source.destructive = true;
        source.failure = VendorCallException.ofStatus("acme", "getChanges", 429, "", Map.of(), Duration.ofSeconds(1));
        reader.readOnce(source);
        source.failure = VendorCallException.ofIoError("acme", "getChanges",
                new IOException("connect failed", new ConnectException("Connection refused")));
        reader.readOnce(source);
        source.destructive = false;
        source.failure = VendorCallException.ofTimeout("acme", "getChanges", new TimeoutException("no answer in 1s"));
        reader.readOnce(source);

        assertThat(lostPages()).isZero();
        assertThat(reconciled).isEmpty();
    }

    @Test
    void a5xxOrAConnectionLostAfterSendingMayHaveBeenServed() {
        assertThat(VendorCallException.ofStatus("acme", "getChanges", 502, "", Map.of(), null).mayHaveBeenServed()).isTrue();
        assertThat(VendorCallException.ofIoError("acme", "getChanges", new IOException("Connection reset by peer"))
                .mayHaveBeenServed()).isTrue();
        assertThat(VendorCallException.ofStatus("acme", "getChanges", 400, "", Map.of(), null).mayHaveBeenServed()).isFalse();
    }

    private double lostPages() {
        return registry.get(PollerMetrics.POSSIBLY_LOST_PAGES).tags("vendor", "acme", "channel", "orders").counter().count();
    }

    /**
     * A channel whose answers are item bodies, one a line, scripted; a read with nothing scripted fails, and an answer
     * holding {@link #UNREADABLE} makes {@code page} throw (an adapter bug).
     */
    private final class FakeSource implements FeedSource {

        static final String UNREADABLE = "{oops";

        final Deque<List<String>> answers = new ArrayDeque<>();
        int fetches;
        boolean destructive;
        RuntimeException failure;

        @Override
        public boolean destructive() {
            return destructive;
        }

        @Override
        public List<String> reconciledBy() {
            return List.of("orders-list");
        }

        @Override
        public String channel() {
            return "orders";
        }

        @Override
        public String type() {
            return "ORDER";
        }

        @Override
        public byte[] fetch() {
            fetches++;
            if (failure != null) {
                throw failure;
            }
            if (answers.isEmpty()) {
                throw new IllegalStateException("vendor down");
            }
            return String.join("\n", answers.poll()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Page page(byte[] answer, Read read) {
            String text = new String(answer, StandardCharsets.UTF_8);
            List<String> items = text.isEmpty() ? List.of() : List.of(text.split("\n"));
            return Page.of(items.stream().map(item -> {
                if (item.equals(UNREADABLE)) {
                    throw new IllegalArgumentException("cannot read item " + item);
                }
                return KitFixtures.RAW.item(channel(), type(), item, read.id(), null);
            }).toList(), items.size(), PAGE_SIZE);
        }

        @Override
        public void saved(Page page) {
            events.add("saved " + page.items());
        }
    }
}
