package com.crossdock.serpi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.DeadLetters;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.vendor.client.JsonAnswer;
import com.crossdock.platform.serde.SchemaUnavailableException;
import com.crossdock.vendor.serpi.SerpiArticle;
import com.crossdock.vendor.serpi.SerpiEnvelope;
import com.crossdock.vendor.serpi.SerpiWrites;
import com.crossdock.vendor.serpi.UnmappableArticleException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ArticleUpserted} of other sources → SERPI, in its own consumer group ({@code serpi-sync-writer}, with its
 * own retry and dead-letter topics). An article that came from SERPI is never written back to it (loop prevention by
 * source). One poll's articles, the latest of each code, become {@code POST Articulo} for those SERPI lacks and
 * {@code PUT Articulo} with SERPI's id for those it has (the catalog of SERPI's ids, from its reads), in arrays of
 * {@code crossdock.serpi.write-batch-size}, each array handed to the client while the one before is in flight (the
 * bulkhead of one keeps them one at a time); a poll is {@code crossdock.serpi.write-poll-records} events (2000), so
 * the token waits for a commit and the next poll once per 40 arrays, not once per 10 (Kafka's 500). An article
 * that cannot be mapped, or that SERPI refuses by name, is dead-lettered on its own with the reason while the rest
 * of the batch goes on; a failure of the whole request is the platform error handler's (retried while transient).
 */
@Component
class ArticleWriter {

    private static final Logger log = LoggerFactory.getLogger(ArticleWriter.class);

    private final EventCodec codec;
    private final SerpiClient client;
    private final SerpiCatalog catalog;
    private final MappingTables tables;
    private final DeadLetters deadLetters;
    private final SyncProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;

    ArticleWriter(EventCodec codec, SerpiClient client, SerpiCatalog catalog, MappingTables tables,
            DeadLetters deadLetters, SyncProperties properties, JsonMapper json, MeterRegistry meters) {
        this.codec = codec;
        this.client = client;
        this.catalog = catalog;
        this.tables = tables;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
    }

    private record Pending(ConsumerRecord<byte[], byte[]> record, ArticleUpserted article) {
    }

    @KafkaListener(id = "#{@serpiWriterGroup.id()}", groupId = "#{@serpiWriterGroup.id()}",
            topics = "#{@serpiWriterGroup.listenTopics()}", batch = "true",
            properties = "max.poll.records=#{@'crossdock.serpi-com.crossdock.serpi.SyncProperties'.writePollRecords()}")
    void onArticles(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<String, Pending> latest = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = batch.get(i);
            ArticleUpserted article;
            try {
                article = codec.decode(record, ArticleUpserted.class);
            } catch (RuntimeException undecodable) {
                if (SchemaUnavailableException.isCauseOf(undecodable)) {
                    // transient: write what came before it, then the error handler waits for the schema
                    write(latest.values());
                    throw new BatchListenerFailedException("schema unavailable", undecodable, i);
                }
                deadLetters.accept(record, undecodable);
                continue;
            }
            if (article.getEnvelope().getSourceSystem() == SourceSystem.SERPI) {
                // DESIGN.md: an event never travels back to the system it came from
                count("skipped_from_serpi");
                continue;
            }
            // a later state of the same article in the poll supersedes an earlier one (the topic is compacted)
            latest.remove(article.getCode());
            latest.put(article.getCode(), new Pending(record, article));
        }
        write(latest.values());
    }

    private void write(Iterable<Pending> pendings) {
        List<Pending> all = new ArrayList<>();
        pendings.forEach(all::add);
        if (all.isEmpty()) {
            return;
        }
        if (catalog.needsListing(all.stream().map(p -> p.article().getCode()).collect(java.util.stream.Collectors.toSet()))) {
            listCatalog();
        }
        SerpiWrites writes = new SerpiWrites(tables.current(), json);
        Outbox outbox = new Outbox();
        for (Pending pending : all) {
            ArticleUpserted article = pending.article();
            SerpiArticle existing = catalog.get(article.getCode()).orElse(null);
            if (existing == null && article.getDeleted()) {
                count("skipped_deleted_unknown");
                continue;
            }
            try {
                if (existing == null) {
                    outbox.add(true, pending, writes.create(article));
                } else {
                    outbox.add(false, pending, writes.update(article, existing));
                }
            } catch (UnmappableArticleException unmappable) {
                log.warn("{}; dead-lettered", unmappable.getMessage());
                count("unmappable");
                deadLetters.accept(pending.record(), unmappable);
            }
        }
        outbox.flush();
    }

    /** One array sent: its articles in order, and SERPI's answer to come. */
    private record Sent(boolean create, List<Pending> pendings, CompletableFuture<SerpiEnvelope> answer) {
    }

    /**
     * The arrays of one poll, sent as they fill: the next array is handed to the client while the one before is in
     * flight, so it waits in the bulkhead of one and goes out the moment the token is free, and the service's own
     * work (mapping the next articles, reading an answer, dead-lettering what SERPI refused) happens while SERPI
     * works. At most one array in flight and one waiting; the listener returns (and the offsets are committed) only
     * once every answer is read.
     */
    private final class Outbox {

        private final List<Pending> creates = new ArrayList<>();
        private final List<ObjectNode> createBodies = new ArrayList<>();
        private final List<Pending> updates = new ArrayList<>();
        private final List<ObjectNode> updateBodies = new ArrayList<>();
        private final Deque<Sent> sent = new ArrayDeque<>();

        void add(boolean create, Pending pending, ObjectNode body) {
            List<Pending> pendings = create ? creates : updates;
            List<ObjectNode> bodies = create ? createBodies : updateBodies;
            pendings.add(pending);
            bodies.add(body);
            if (pendings.size() >= properties.writeBatchSize()) {
                send(create, pendings, bodies);
            }
        }

        /** Sends what is left and reads every answer; the first failed array fails the poll, after the others end. */
        void flush() {
            send(true, creates, createBodies);
            send(false, updates, updateBodies);
            settleAll();
        }

        private void send(boolean create, List<Pending> pendings, List<ObjectNode> bodies) {
            if (pendings.isEmpty()) {
                return;
            }
            if (sent.size() >= 2) {
                settleOldest();
            }
            List<ObjectNode> array = List.copyOf(bodies);
            sent.add(new Sent(create, List.copyOf(pendings),
                    (create ? client.create(array) : client.update(array)).toFuture()));
            pendings.clear();
            bodies.clear();
        }

        private void settleAll() {
            while (!sent.isEmpty()) {
                settleOldest();
            }
        }

        private void settleOldest() {
            Sent oldest = sent.poll();
            try {
                answered(oldest, oldest.answer().join());
            } catch (CompletionException failed) {
                // the arrays already handed over end first (their answers kept), then the poll fails as it is
                drainQuietly();
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }

        private void drainQuietly() {
            for (Sent other = sent.poll(); other != null; other = sent.poll()) {
                try {
                    answered(other, other.answer().join());
                } catch (CompletionException alsoFailed) {
                    log.debug("SERPI array failed after an earlier one: {}", String.valueOf(alsoFailed.getCause()));
                }
            }
        }
    }

    private void answered(Sent sent, SerpiEnvelope answer) {
        String operation = sent.create() ? "postArticulo" : "putArticulo";
        for (Pending pending : sent.pendings()) {
            String code = pending.article().getCode();
            List<SerpiEnvelope.Error> errors = answer.errorsOf(code);
            if (!errors.isEmpty()) {
                count("refused");
                deadLetters.accept(pending.record(), new SerpiRefusedException(operation, code, errors));
            } else {
                count(sent.create() ? "created" : "updated");
                if (sent.create()) {
                    catalog.created(code);
                }
            }
        }
    }

    /** Every article SERPI has, for their ids: before the first write, and after this service created one. */
    private void listCatalog() {
        List<SerpiArticle> all = new ArrayList<>();
        PagedRead<JsonAnswer> pages = new PagedRead<>(pagina -> client.articles(properties.pageSize(), pagina, null,
                null), SerpiReads::items, properties.pageSize());
        Page read;
        do {
            SerpiEnvelope answer = SerpiEnvelope.read(pages.fetch().tree());
            for (int i = 0; i < answer.result().size(); i++) {
                all.add(SerpiArticle.read(answer.result().get(i), "result[" + i + "]"));
            }
            read = Page.of(List.of(), answer.result().size(), properties.pageSize());
        } while (!pages.saved(read));
        catalog.listed(all);
    }

    private void count(String outcome) {
        meters.counter("crossdock.serpi.writes", "outcome", outcome).increment();
    }
}
