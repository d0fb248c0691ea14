package com.crossdock.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.crossdock.vendor.prodsmart.ItemContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One read of one channel, and the wait before the next. A full page (25) means more is waiting: ask
 * again at once; a shorter one means the channel is drained: wait the idle interval. Nothing is read
 * while this instance is not the lease holder, or while the spool holds records (Kafka is in trouble:
 * a destructive read now would only grow what sits on the local disk).
 *
 * <p>The only window in which a change can be lost is between Prodsmart's answer and the Kafka
 * acknowledgement or spool fsync of {@link BatchWriter}: the process dying there. It is kept to the
 * parsing and serializing of at most 25 items (docs/prodsmart-poller.md "Durability").
 */
final class FeedDrainer {

    private static final Logger log = LoggerFactory.getLogger(FeedDrainer.class);

    private final ProdsmartClient client;
    private final ItemRouter router;
    private final RecordEncoder encoder;
    private final BatchWriter writer;
    private final BooleanSupplier leaseActive;
    private final BooleanSupplier spoolEmpty;
    private final PollerProperties properties;
    private final PollerMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    FeedDrainer(ProdsmartClient client, ItemRouter router, RecordEncoder encoder, BatchWriter writer,
                BooleanSupplier leaseActive, BooleanSupplier spoolEmpty, PollerProperties properties,
                PollerMetrics metrics, JsonMapper json, Clock clock) {
        this.client = client;
        this.router = router;
        this.encoder = encoder;
        this.writer = writer;
        this.leaseActive = leaseActive;
        this.spoolEmpty = spoolEmpty;
        this.properties = properties;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /** Reads the channel once, if allowed, and returns how long to wait before the next read. */
    Duration drainOnce(PollerProperties.Channel channel) throws InterruptedException {
        PollerProperties.Feed feed = properties.feed();
        if (!leaseActive.getAsBoolean() || !spoolEmpty.getAsBoolean()) {
            return feed.recheckInterval();
        }
        byte[] body;
        try {
            body = client.changes(channel.name()).block();
        } catch (RuntimeException failed) {
            log.warn("Reading Prodsmart channel {} failed: {} (cause: {})", channel.name(), failed.getMessage(),
                    String.valueOf(failed.getCause()));
            return feed.idleInterval();
        }
        long answeredAt = System.nanoTime();
        Instant readAt = clock.instant();
        ItemContext batch = new ItemContext("feed:" + channel.name(), UUID.randomUUID().toString(), 0, readAt);
        List<Outgoing> outgoing;
        int items;
        try {
            List<JsonNode> parsed = parse(body);
            items = parsed.size();
            outgoing = router.route(channel.name(), channel.type(), parsed, batch);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            items = 1;
            outgoing = List.of(router.unreadable(channel.name(), channel.type(),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8), batch, "unreadable feed answer"));
        }
        List<ProducerRecord<byte[], byte[]>> records = outgoing.stream().map(encoder::encode).toList();
        writer.persist(records);
        metrics.persisted(channel.name(), Duration.ofNanos(System.nanoTime() - answeredAt));
        boolean full = items >= feed.pageSize();
        metrics.items(channel.name(), channel.type(), items, !full);
        return full ? Duration.ZERO : feed.idleInterval();
    }

    private List<JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        JsonNode tree = json.readTree(body);
        if (!tree.isArray()) {
            throw new IllegalArgumentException("the feed answered " + tree.getNodeType() + ", not an array");
        }
        return tree.valueStream().toList();
    }
}
