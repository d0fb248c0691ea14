package com.crossdock.serpi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.RawItems;
import com.crossdock.platform.vendor.client.JsonAnswer;
import com.crossdock.vendor.serpi.SerpiArticle;
import com.crossdock.vendor.serpi.SerpiEnvelope;
import com.crossdock.vendor.serpi.SerpiEventMapper;
import com.crossdock.vendor.serpi.SerpiStock;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one page of SERPI becomes, for the feed and the full pass alike: each article through the one mapping and
 * change detection (only new or changed articles are published), each balance of a mapped warehouse a LEVEL. What
 * cannot be read is kept on {@code crossdock.serpi-raw.v1} with the reason; nothing read is dropped.
 */
final class SerpiReads {

    /** The raw topic and its headers: {@code crossdock.serpi.channel}, {@code .batch-id}, {@code .mapping-error}. */
    static final RawItems RAW = new RawItems(Topics.SERPI_RAW, "crossdock.serpi");

    private static final Logger log = LoggerFactory.getLogger(SerpiReads.class);

    private final SerpiEventMapper mapper;
    private final KnownArticles known;
    private final SerpiCatalog catalog;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Set<String> unmappedWarehouses = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SerpiReads(SerpiEventMapper mapper, KnownArticles known, SerpiCatalog catalog, JsonMapper json,
            MeterRegistry meters) {
        this.mapper = mapper;
        this.known = known;
        this.catalog = catalog;
        this.json = json;
        this.meters = meters;
    }

    /**
     * A page of articles, or several ({@link #combined}): their records, and the articles they listed ({@code listed},
     * filled here).
     */
    Result articles(String channel, Fetched answer, String readId, Instant readAt, List<SerpiArticle> listed) {
        List<Outgoing> records = new ArrayList<>();
        Answers answers = answers(channel, "article", answer, readId, records);
        if (answers == null) {
            return new Result(records, 0, 0, false);
        }
        int read = eachItem(answers, channel, "article", readId, records, (item, path) -> {
            SerpiArticle article = SerpiArticle.read(item, path);
            catalog.read(article);
            listed.add(article);
            mapper.changed(article, known.latest(article.codigo()), readId, readAt)
                    .ifPresent(event -> records.add(Outgoing.event(event)));
        });
        meters.counter("crossdock.serpi.articles.read", "channel", channel).increment(read);
        meters.counter("crossdock.serpi.articles.published", "channel", channel).increment(records.stream()
                .filter(record -> record.event() != null).count());
        return new Result(records, read, answers.lastItems(), answers.readable());
    }

    /** A page of balances, or several ({@link #combined}): a LEVEL per balance of a mapped warehouse. */
    Result balances(Fetched answer, String readId, Instant readAt) {
        List<Outgoing> records = new ArrayList<>();
        Answers answers = answers("stock", "balance", answer, readId, records);
        if (answers == null) {
            return new Result(records, 0, 0, false);
        }
        int read = eachItem(answers, "stock", "balance", readId, records, (item, path) -> {
            SerpiStock stock = SerpiStock.read(item, path);
            mapper.level(stock, readId, readAt).ifPresentOrElse(event -> records.add(Outgoing.event(event)),
                    () -> unmappedWarehouse(stock.idBodega()));
        });
        return new Result(records, read, answers.lastItems(), answers.readable());
    }

    /** Reads one item of an answer ({@code path}: its place in the answer, for the error); throws when it cannot. */
    private interface ItemReader {

        void read(JsonNode item, String path);
    }

    /**
     * Every item of {@code answers} through {@code reader}; an item it refuses ({@link IllegalArgumentException}) goes
     * to the raw topic with the reason, and the rest goes on. Returns the number of items read.
     */
    private static int eachItem(Answers answers, String channel, String type, String readId, List<Outgoing> records,
            ItemReader reader) {
        int read = 0;
        for (List<JsonNode> items : answers.results()) {
            for (int i = 0; i < items.size(); i++) {
                try {
                    reader.read(items.get(i), "result[" + i + "]");
                } catch (IllegalArgumentException unmappable) {
                    records.add(RAW.item(channel, type, items.get(i).toString(), readId, unmappable.getMessage()));
                }
            }
            read += items.size();
        }
        return read;
    }

    /**
     * SERPI's answers of one fetch, as one document: a JSON array of the answers, each as received (an answer is
     * always an envelope, an object, so an array is never mistaken for one). A single answer is kept as it is.
     */
    static byte[] combined(List<byte[]> answers) {
        if (answers.size() == 1) {
            return answers.get(0);
        }
        int length = 2 + answers.size() - 1 + answers.stream().mapToInt(answer -> answer.length).sum();
        java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(length).put((byte) '[');
        for (int i = 0; i < answers.size(); i++) {
            all.put(i == 0 ? new byte[0] : new byte[] {','}).put(answers.get(i));
        }
        return all.put((byte) ']').array();
    }

    /**
     * How many records {@code answer} holds ({@code result}'s length; 0 for "no records"), from the tree the client
     * read: {@link PagedRead} asks it of every answer, as it arrives. -1 when the answer is not an object.
     */
    static int items(JsonAnswer answer) {
        JsonNode tree = answer.tree();
        if (tree == null || !tree.isObject()) {
            return -1;
        }
        JsonNode result = tree.get("result");
        return result != null && result.isArray() ? result.size() : 0;
    }

    /**
     * What one fetch took: SERPI's answers as one document ({@link #combined}, for the kit, which hands it back to
     * {@code page}) and, when the client read them, each answer as read ({@code envelopes}, null when unread), so that
     * the answers are read once.
     */
    record Fetched(byte[] bytes, List<JsonNode> envelopes) {

        static Fetched of(List<JsonAnswer> answers) {
            return new Fetched(combined(answers.stream().map(JsonAnswer::bytes).toList()),
                    answers.stream().map(JsonAnswer::tree).toList());
        }

        /** {@code answer} as the kit handed it back: the fetch's own reading when it is the same document. */
        static Fetched of(byte[] answer, Fetched last) {
            return last != null && last.bytes() == answer ? last : new Fetched(answer, null);
        }
    }

    /**
     * The records lists of the answers in {@code answer}; what cannot be read goes to {@code records} as a raw item;
     * null when the whole of it is not JSON.
     */
    private Answers answers(String channel, String type, Fetched fetched, String readId, List<Outgoing> records) {
        byte[] answer = fetched.bytes();
        List<JsonNode> envelopes = fetched.envelopes();
        if (envelopes == null) {
            JsonNode document;
            try {
                document = json.readTree(answer);
            } catch (JacksonException unreadable) {
                log.warn("SERPI answer of {} read {} cannot be read ({}); it goes to {}", channel, readId,
                        unreadable.getMessage(), RAW.topic());
                records.add(RAW.item(channel, "answer", new String(answer, StandardCharsets.UTF_8), readId,
                        String.valueOf(unreadable.getMessage())));
                return null;
            }
            envelopes = new ArrayList<>();
            if (document.isArray()) {
                document.forEach(envelopes::add);
            } else {
                envelopes.add(document);
            }
        }
        boolean several = envelopes.size() > 1;
        List<List<JsonNode>> results = new ArrayList<>();
        boolean readable = true;
        int lastItems = 0;
        for (JsonNode envelope : envelopes) {
            try {
                List<JsonNode> items = SerpiEnvelope.read(envelope).result();
                results.add(items);
                lastItems = items.size();
            } catch (IllegalArgumentException notAnEnvelope) {
                log.warn("SERPI answer of {} read {} cannot be read ({}); it goes to {}", channel, readId,
                        notAnEnvelope.getMessage(), RAW.topic());
                // a single answer is kept as received; one of several, as its JSON
                records.add(RAW.item(channel, "answer", several ? envelope.toString()
                        : new String(answer, StandardCharsets.UTF_8), readId, String.valueOf(notAnEnvelope.getMessage())));
                readable = false;
                lastItems = 0;
            }
        }
        return new Answers(results, lastItems, readable);
    }

    private record Answers(List<List<JsonNode>> results, int lastItems, boolean readable) {
    }

    private void unmappedWarehouse(String idBodega) {
        meters.counter("crossdock.serpi.stock.unmapped_warehouse", "warehouse", idBodega).increment();
        if (unmappedWarehouses.add(idBodega)) {
            log.warn("SERPI warehouse {} has no location (crossdock.serpi.warehouses.{}): its stock is not published",
                    idBodega, idBodega);
        }
    }

    /**
     * What a fetch gave: its records, how many items SERPI answered, how many its last answer held (a full page: more
     * follows), and whether every answer could be read.
     */
    record Result(List<Outgoing> records, int items, int lastItems, boolean readable) {
    }

    /** The codes of {@code articles}. */
    static Set<String> codes(List<SerpiArticle> articles) {
        Set<String> codes = new HashSet<>();
        articles.forEach(article -> codes.add(article.codigo()));
        return codes;
    }
}
