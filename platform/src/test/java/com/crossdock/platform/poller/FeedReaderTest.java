package com.crossdock.platform.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    private FeedReader reader(BooleanSupplier leaseActive, BooleanSupplier spoolEmpty) {
        BatchWriter writer = KitFixtures.writer(KitFixtures.recordingSink(events), spool, SETTINGS.kafkaTimeout(),
                SETTINGS.retry(), metrics);
        return new FeedReader(KitFixtures.rawOnlyEncoder(), writer, leaseActive, spoolEmpty, SETTINGS, metrics, clock);
    }

    /** A channel whose answers are lists of item bodies, scripted; a read with nothing scripted fails. */
    private final class FakeSource implements FeedSource<List<String>> {

        final Deque<List<String>> answers = new ArrayDeque<>();
        int fetches;

        @Override
        public String channel() {
            return "orders";
        }

        @Override
        public String type() {
            return "ORDER";
        }

        @Override
        public List<String> fetch() {
            fetches++;
            if (answers.isEmpty()) {
                throw new IllegalStateException("vendor down");
            }
            return answers.poll();
        }

        @Override
        public Page page(List<String> answer, Read read) {
            return Page.of(answer.stream().map(item -> KitFixtures.RAW.item(channel(), type(), item, read.id(), null)).toList(),
                    answer.size(), PAGE_SIZE);
        }

        @Override
        public void saved(Page page) {
            events.add("saved " + page.items());
        }
    }
}
