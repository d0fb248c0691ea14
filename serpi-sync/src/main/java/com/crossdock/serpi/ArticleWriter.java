package com.crossdock.serpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.DeadLetters;
import com.crossdock.platform.kafka.EventCodec;
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
 * {@code crossdock.serpi.write-batch-size}. An article that cannot be mapped, or that SERPI refuses by name, is
 * dead-lettered on its own with the reason while the rest of the batch goes on; a failure of the whole request is
 * the platform error handler's (retried while transient).
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
            topics = "#{@serpiWriterGroup.listenTopics()}", batch = "true")
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
        List<Pending> creates = new ArrayList<>();
        List<ObjectNode> createBodies = new ArrayList<>();
        List<Pending> updates = new ArrayList<>();
        List<ObjectNode> updateBodies = new ArrayList<>();
        for (Pending pending : all) {
            ArticleUpserted article = pending.article();
            SerpiArticle existing = catalog.get(article.getCode()).orElse(null);
            if (existing == null && article.getDeleted()) {
                count("skipped_deleted_unknown");
                continue;
            }
            try {
                if (existing == null) {
                    createBodies.add(writes.create(article));
                    creates.add(pending);
                } else {
                    updateBodies.add(writes.update(article, existing));
                    updates.add(pending);
                }
            } catch (UnmappableArticleException unmappable) {
                log.warn("{}; dead-lettered", unmappable.getMessage());
                count("unmappable");
                deadLetters.accept(pending.record(), unmappable);
            }
        }
        send("postArticulo", creates, createBodies, true);
        send("putArticulo", updates, updateBodies, false);
    }

    private void send(String operation, List<Pending> pendings, List<ObjectNode> bodies, boolean create) {
        int size = properties.writeBatchSize();
        for (int from = 0; from < pendings.size(); from += size) {
            int to = Math.min(pendings.size(), from + size);
            List<ObjectNode> chunk = bodies.subList(from, to);
            SerpiEnvelope answer = create ? client.create(chunk) : client.update(chunk);
            for (Pending pending : pendings.subList(from, to)) {
                String code = pending.article().getCode();
                List<SerpiEnvelope.Error> errors = answer.errorsOf(code);
                if (!errors.isEmpty()) {
                    count("refused");
                    deadLetters.accept(pending.record(), new SerpiRefusedException(operation, code, errors));
                } else {
                    count(create ? "created" : "updated");
                    if (create) {
                        catalog.created(code);
                    }
                }
            }
        }
    }

    /** Every article SERPI has, for their ids: before the first write, and after this service created one. */
    private void listCatalog() {
        List<SerpiArticle> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            SerpiEnvelope answer = SerpiEnvelope.read(json.readTree(client.articles(properties.pageSize(), page,
                    null, null)));
            for (int i = 0; i < answer.result().size(); i++) {
                all.add(SerpiArticle.read(answer.result().get(i), "result[" + i + "]"));
            }
            if (answer.result().size() < properties.pageSize()) {
                break;
            }
        }
        catalog.listed(all);
    }

    private void count(String outcome) {
        meters.counter("crossdock.serpi.writes", "outcome", outcome).increment();
    }
}
