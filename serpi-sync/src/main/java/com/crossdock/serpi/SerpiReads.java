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

    /** A page of articles: its records, and the articles it listed ({@code listed}, filled here). */
    Result articles(String channel, byte[] answer, String readId, Instant readAt, List<SerpiArticle> listed) {
        List<Outgoing> records = new ArrayList<>();
        List<JsonNode> items;
        try {
            items = SerpiEnvelope.read(json.readTree(answer)).result();
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return unreadable(channel, answer, readId, unreadable);
        }
        for (int i = 0; i < items.size(); i++) {
            try {
                SerpiArticle article = SerpiArticle.read(items.get(i), "result[" + i + "]");
                catalog.read(article);
                listed.add(article);
                mapper.changed(article, known.latest(article.codigo()), readId, readAt)
                        .ifPresent(event -> records.add(Outgoing.event(event)));
            } catch (IllegalArgumentException unmappable) {
                records.add(RAW.item(channel, "article", items.get(i).toString(), readId, unmappable.getMessage()));
            }
        }
        meters.counter("crossdock.serpi.articles.read", "channel", channel).increment(items.size());
        meters.counter("crossdock.serpi.articles.published", "channel", channel).increment(records.stream()
                .filter(record -> record.event() != null).count());
        return new Result(records, items.size(), true);
    }

    /** A page of balances: a LEVEL per balance of a mapped warehouse. */
    Result balances(byte[] answer, String readId, Instant readAt) {
        List<Outgoing> records = new ArrayList<>();
        List<JsonNode> items;
        try {
            items = SerpiEnvelope.read(json.readTree(answer)).result();
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return unreadable("stock", answer, readId, unreadable);
        }
        for (int i = 0; i < items.size(); i++) {
            try {
                SerpiStock stock = SerpiStock.read(items.get(i), "result[" + i + "]");
                mapper.level(stock, readId, readAt).ifPresentOrElse(event -> records.add(Outgoing.event(event)),
                        () -> unmappedWarehouse(stock.idBodega()));
            } catch (IllegalArgumentException unmappable) {
                records.add(RAW.item("stock", "balance", items.get(i).toString(), readId, unmappable.getMessage()));
            }
        }
        return new Result(records, items.size(), true);
    }

    private void unmappedWarehouse(String idBodega) {
        meters.counter("crossdock.serpi.stock.unmapped_warehouse", "warehouse", idBodega).increment();
        if (unmappedWarehouses.add(idBodega)) {
            log.warn("SERPI warehouse {} has no location (crossdock.serpi.warehouses.{}): its stock is not published",
                    idBodega, idBodega);
        }
    }

    private static Result unreadable(String channel, byte[] answer, String readId, RuntimeException why) {
        log.warn("SERPI answer of {} read {} cannot be read ({}); it goes to {}", channel, readId, why.getMessage(),
                RAW.topic());
        return new Result(List.of(RAW.item(channel, "answer", new String(answer, StandardCharsets.UTF_8), readId,
                String.valueOf(why.getMessage()))), 0, false);
    }

    /** What a page gave: its records, how many items SERPI answered, and whether the answer could be read at all. */
    record Result(List<Outgoing> records, int items, boolean readable) {
    }

    /** The codes of {@code articles}. */
    static Set<String> codes(List<SerpiArticle> articles) {
        Set<String> codes = new HashSet<>();
        articles.forEach(article -> codes.add(article.codigo()));
        return codes;
    }
}
