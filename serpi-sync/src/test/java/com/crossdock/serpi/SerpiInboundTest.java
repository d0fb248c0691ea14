package com.crossdock.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.serpi.SerpiEventMapper;
import com.crossdock.vendor.serpi.SerpiMapping;
import com.crossdock.vendor.serpi.SerpiProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** SERPI → Kafka: changed articles, deactivation, stock levels, removal after a full pass, and a restart. */
class SerpiInboundTest extends SyncTestSupport {

    @Autowired
    SerpiClient client;

    @Autowired
    SerpiEventMapper mapper;

    @Autowired
    PublishedRecords published;

    @Autowired
    SyncProperties properties;

    @Autowired
    SerpiProperties company;

    @Autowired
    JsonMapper json;

    @Autowired
    Envelopes envelopes;

    @Autowired
    SerpiMapping mapping;

    @LocalServerPort
    int port;

    @Test
    void aChangedArticleIsPublishedOnceAndItsDeactivationIsStated() {
        String code = code("IN");
        SERPI.change(code, Map.of("descripcion", "Tornillo 3mm", "costo", 1000.00, "idunidadmedida", 3,
                "pedidoMinimo", 10, "multiploCompra", 5, "dias_reposicion", 4));

        await().atMost(Timeouts.PATIENCE).until(() -> articles(code).size() == 1);
        ArticleUpserted article = articles(code).get(0);
        assertThat(article.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.SERPI);
        assertThat(article.getEnvelope().getTenant().getOrganisation()).isEqualTo(COMPANY);
        assertThat(article.getDescription()).isEqualTo("Tornillo 3mm");
        assertThat(article.getUnitOfMeasure()).isEqualTo("UN");
        assertThat(article.getUnitCost()).isEqualByComparingTo("1000");
        assertThat(article.getCurrency()).isEqualTo("COP");
        assertThat(article.getMinimumOrderQuantity()).isEqualByComparingTo("10");
        assertThat(article.getMultipleOrderQuantity()).isEqualByComparingTo("5");
        assertThat(article.getSupplyLeadTimeDays()).isEqualTo(4);
        assertThat(article.getAttributes()).containsEntry(SerpiEventMapper.ATTRIBUTE_ACTIVE, "true")
                .containsKey(SerpiEventMapper.ATTRIBUTE_ID);

        // several more reads of an unchanged article publish nothing
        long served = SERPI.requestsServed();
        await().atMost(Timeouts.PATIENCE).until(() -> SERPI.requestsServed() > served + 6);
        assertThat(articles(code)).hasSize(1);

        SERPI.change(code, Map.of("activo", false));
        await().atMost(Timeouts.PATIENCE).until(() -> articles(code).size() == 2);
        ArticleUpserted deactivated = articles(code).get(1);
        assertThat(deactivated.getAttributes()).containsEntry(SerpiEventMapper.ATTRIBUTE_ACTIVE, "false");
        assertThat(deactivated.getDeleted()).isFalse();
    }

    @Test
    void balancesOfAMappedWarehouseAreLevelsAtItsLocation() {
        String code = code("ST");
        SERPI.change(code, Map.of("descripcion", "Tuerca"));
        SERPI.balance(code, 1, new BigDecimal("7.5"));
        SERPI.balance(code, 2, new BigDecimal("3"));   // warehouse 2 has no location: not published

        await().atMost(Timeouts.PATIENCE).until(() -> levels(code).size() == 1);
        StockChanged level = levels(code).get(0);
        assertThat(level.getKind()).isEqualTo(StockChangeKind.LEVEL);
        assertThat(level.getLocation()).isEqualTo("serpi-bogota");
        assertThat(level.getWarehouse()).isEqualTo("1");
        assertThat(level.getQuantity()).isEqualByComparingTo("7.5");
        assertThat(level.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.SERPI);

        SERPI.balance(code, 1, new BigDecimal("9"));
        await().atMost(Timeouts.PATIENCE).until(() -> levels(code).size() == 2);
        assertThat(levels(code).get(1).getQuantity()).isEqualByComparingTo("9");
        assertThat(levels(code)).allMatch(event -> event.getLocation().equals("serpi-bogota"));
    }

    @Test
    void anArticleSerpiNoLongerListsIsDeletedAfterAFullPass() {
        String code = code("GONE");
        SERPI.change(code, Map.of("descripcion", "Arandela"));
        await().atMost(Timeouts.PATIENCE).until(() -> articles(code).size() == 1);

        SERPI.remove(code);
        WebClient.create("http://localhost:" + port).post().uri("/admin/serpi/reconciliation")
                .header("Authorization", "Bearer " + ADMIN_TOKEN).retrieve()
                .toBodilessEntity().block(Timeouts.BLOCK);

        await().atMost(Timeouts.PATIENCE).until(() -> articles(code).size() == 2);
        ArticleUpserted removed = articles(code).get(1);
        assertThat(removed.getDeleted()).isTrue();
        assertThat(removed.getDescription()).isEqualTo("Arandela");
        assertThat(removed.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.SERPI);
    }

    /**
     * A restart: a new instance's change detection, rebuilt from the article topic alone, publishes nothing for the
     * articles already published unchanged, and exactly the one changed while it was down.
     */
    @Test
    void aRestartRebuildsChangeDetectionFromKafkaWithoutRepublishing() {
        String unchanged = code("KEEP");
        String changed = code("EDIT");
        SERPI.change(unchanged, Map.of("descripcion", "Sin cambio"));
        SERPI.change(changed, Map.of("descripcion", "Antes"));
        await().atMost(Timeouts.PATIENCE).until(() -> articles(unchanged).size() == 1 && articles(changed).size() == 1);

        assertThat(articleCodes(firstReadOfANewInstance())).doesNotContain(unchanged, changed);

        SERPI.change(changed, Map.of("descripcion", "Despues"));
        List<String> republished = articleCodes(firstReadOfANewInstance());
        assertThat(republished).contains(changed).doesNotContain(unchanged);
    }

    /**
     * A restart, for the stock: a new instance's change detection, rebuilt from the stock topic alone, publishes no
     * level already published unchanged (by the running service or by an earlier instance), and a level that differs
     * from the last one on Kafka. Warehouse 3 is mapped only for the new instances (the running service does not
     * publish it), so what they publish there depends on nothing but the topic.
     */
    @Test
    void aRestartRebuildsStockChangeDetectionFromKafkaWithoutRepublishing() {
        String kept = code("SKEEP");
        String other = code("SOWN");
        String location = "serpi-" + other;
        SerpiProperties restarted = new SerpiProperties(company.company(), company.timeZone(), company.currency(),
                Map.of("1", "serpi-bogota", "3", location));
        SERPI.change(kept, Map.of("descripcion", "Nivel sin cambio"));
        SERPI.change(other, Map.of("descripcion", "Nivel propio"));
        SERPI.balance(kept, 1, new BigDecimal("4"));
        SERPI.balance(other, 3, new BigDecimal("5"));
        await().atMost(Timeouts.PATIENCE).until(() -> levels(kept).size() == 1);
        String keptKey = Topics.stockKey(kept, "serpi-bogota");
        String otherKey = Topics.stockKey(other, location);

        List<Outgoing> first = firstStockReadOfANewInstance(restarted);
        assertThat(keys(first)).as("the running service's level is not published again").doesNotContain(keptKey)
                .as("a level never published is").contains(otherKey);
        first.stream().filter(record -> record.key().equals(otherKey)).forEach(record ->
                publisher.publish(Topics.STOCK_CHANGED, record.key(), record.event()).block(Timeouts.BLOCK));

        assertThat(keys(firstStockReadOfANewInstance(restarted))).as("nothing changed since either was published")
                .doesNotContain(keptKey, otherKey);

        SERPI.balance(other, 3, new BigDecimal("8"));
        List<Outgoing> changed = firstStockReadOfANewInstance(restarted);
        assertThat(changed).filteredOn(record -> record.key().equals(otherKey)).singleElement()
                .satisfies(record -> assertThat(((StockChanged) record.event()).getQuantity()).isEqualByComparingTo("8"));
        assertThat(keys(changed)).doesNotContain(keptKey);
    }

    /** The first read of the balances by a freshly started instance of {@code restarted}, not written anywhere. */
    private List<Outgoing> firstStockReadOfANewInstance(SerpiProperties restarted) {
        SerpiEventMapper restartedMapper = new SerpiEventMapper(envelopes, restarted, mapping);
        SerpiReads reads = new SerpiReads(restartedMapper, new KnownArticles(published, codec), new SerpiCatalog(),
                json, new SimpleMeterRegistry());
        StockFeed feed = new StockFeed(client, reads, new KnownLevels(published, codec, restarted), properties,
                restarted.timeZone(), Clock.systemUTC());
        return readAll(feed);
    }

    /** Every page of {@code feed}, each saved before the next is read, as the poller kit does. */
    private static List<Outgoing> readAll(FeedSource feed) {
        List<Outgoing> records = new ArrayList<>();
        Page page;
        do {
            byte[] answer = feed.fetch();
            page = feed.page(answer, new FeedSource.Read(UUID.randomUUID().toString(), Instant.now()));
            records.addAll(page.records());
            feed.saved(page);
        } while (page.full());
        return records;
    }

    private static List<String> keys(List<Outgoing> records) {
        return records.stream().filter(record -> record.event() instanceof StockChanged).map(Outgoing::key).toList();
    }

    /** The first read of a freshly started instance (every article, page by page), not written anywhere. */
    private List<Outgoing> firstReadOfANewInstance() {
        KnownArticles known = new KnownArticles(published, codec);
        SerpiReads reads = new SerpiReads(mapper, known, new SerpiCatalog(), json, new SimpleMeterRegistry());
        ArticleFeed feed = new ArticleFeed(client, reads, known, new SerpiCatalog(), properties, company.timeZone(),
                Clock.systemUTC());
        return readAll(feed);
    }

    private static List<String> articleCodes(List<Outgoing> records) {
        return records.stream().filter(record -> record.event() instanceof ArticleUpserted)
                .map(Outgoing::key).toList();
    }

    private List<StockChanged> levels(String code) {
        return TopicReader.shared().all(Topics.STOCK_CHANGED).stream()
                .filter(record -> new String(record.key()).startsWith(code + "|"))
                .map(record -> codec.decode(record, StockChanged.class)).toList();
    }
}
