package com.crossdock.platform.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of one channel, and the wait before the next. A full page means more is waiting: ask again at once; a
 * shorter one means the channel is drained: wait the idle interval. Nothing is read while this instance is not the
 * lease holder, or while the spool holds records (Kafka is in trouble: a destructive read now would only grow what
 * sits on the local disk).
 *
 * <p>The only window in which a change can be lost is between the vendor's answer and the Kafka acknowledgement or
 * spool fsync of {@link BatchWriter}: the process dying there. It is kept to the source's {@code page} and the
 * encoding of one page (docs/poller-kit.md, docs/prodsmart-poller.md "Durability").
 */
final class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final RecordEncoder encoder;
    private final BatchWriter writer;
    private final BooleanSupplier leaseActive;
    private final BooleanSupplier spoolEmpty;
    private final FeedSettings settings;
    private final PollerMetrics metrics;
    private final Clock clock;

    FeedReader(RecordEncoder encoder, BatchWriter writer, BooleanSupplier leaseActive, BooleanSupplier spoolEmpty,
            FeedSettings settings, PollerMetrics metrics, Clock clock) {
        this.encoder = encoder;
        this.writer = writer;
        this.leaseActive = leaseActive;
        this.spoolEmpty = spoolEmpty;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reads the channel once, if allowed, and returns how long to wait before the next read. */
    <A> Duration readOnce(FeedSource<A> source) throws InterruptedException {
        if (!leaseActive.getAsBoolean() || !spoolEmpty.getAsBoolean()) {
            return settings.recheckInterval();
        }
        A answer;
        try {
            answer = source.fetch();
        } catch (RuntimeException failed) {
            log.warn("Reading {} channel {} failed: {} (cause: {})", metrics.vendor(), source.channel(),
                    failed.getMessage(), String.valueOf(failed.getCause()));
            return settings.idleInterval();
        }
        long answeredAt = System.nanoTime();
        Page page = source.page(answer, new FeedSource.Read(UUID.randomUUID().toString(), clock.instant()));
        writer.persist(page.records().stream().map(encoder::encode).toList());
        source.saved(page);
        metrics.persisted(source.channel(), Duration.ofNanos(System.nanoTime() - answeredAt));
        metrics.items(source.channel(), source.type(), page.items(), !page.full());
        return page.full() ? Duration.ZERO : settings.idleInterval();
    }
}
