package com.crossdock.poller;

import static com.crossdock.testkit.Timeouts.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.BatchWriter;
import com.crossdock.platform.poller.PollerBudget;
import com.crossdock.platform.poller.PollerMetrics;
import com.crossdock.platform.poller.PublishedLimit;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.platform.poller.ReconciliationRunner;
import com.crossdock.platform.poller.RecordEncoder;
import com.crossdock.testkit.SandboxControl;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.TestSettings;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9 point 5: products removed and production orders closed or deleted while the 24-hour change feed was not
 * read ({@code ?expired=true}: the lists show the change, the feed has forgotten it) are removed by the next
 * reconciliation: it reads back what the company's poller published (the compacted canonical topics, on the real
 * broker) and publishes the removal of what Prodsmart no longer lists. A company and a sandbox of this test's own,
 * so that the topics hold exactly what its runs published; the items are the document's own examples (PRODUKTY,
 * ZAMÓWIENIA PRODUKCJI, "Kanały źródła danych zmian") with codes and ids of this test.
 */
class ReconciliationRemovalsTest extends PollerTestSupport {

    private static final String KEPT = "V23076";
    private static final String REMOVED = "P11";
    private static final long OPEN = 1379919;
    private static final long DELETED = 1379920;
    private static final long CLOSED = 1379921;

    @Autowired
    Envelopes envelopes;

    @Autowired
    PublishedRecords published;

    @Autowired
    RecordEncoder encoder;

    @Autowired
    BatchWriter writer;

    private final String company = "removals-" + UUID.randomUUID();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private SandboxServer sandbox;
    private ReconciliationRunner runner;

    @BeforeEach
    void ownCompanyOnItsOwnSandbox() {
        sandbox = SandboxServer.start(LIMIT, PERIOD);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProdsmartClient client = new ProdsmartClient(new PollerBudget(clientsOn(sandbox.url("prodsmart"), registry),
                PollerConfiguration.VENDOR, new PublishedLimit(120, Duration.ofMinutes(1)), registry,
                Clock.systemUTC()).feed());
        ProdsmartProperties ownCompany = TestSettings.bind(ProdsmartProperties.class, "crossdock.prodsmart",
                "company=" + company);
        ItemRouter router = new ItemRouter(new ProdsmartEventMapper(envelopes, ownCompany));
        Removals removals = new Removals(published, codec, envelopes, company, Clock.systemUTC());
        runner = new ReconciliationRunner(new ProdsmartReconciliation(client, router, removals, json, Clock.systemUTC()).passes(), encoder,
                writer, () -> true, new PollerMetrics(registry, Clock.systemUTC(), PollerConfiguration.VENDOR),
                Clock.systemUTC(), executor);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        sandbox.close();
    }

    @Test
    void aReconciliationPublishesTheRemovalOfWhatProdsmartNoLongerListsAndNothingElse() {
        SandboxControl.Prodsmart prodsmart = sandbox.control().prodsmart();
        prodsmart.change("products", List.of(product(KEPT), product(REMOVED)));
        prodsmart.change("production-orders", List.of(order(OPEN, "started"), order(DELETED, "started"),
                order(CLOSED, "started")));
        String first = run();
        assertThat(articles(first)).extracting(ArticleUpserted::getCode).containsExactlyInAnyOrder(KEPT, REMOVED);
        assertThat(orders(first)).extracting(ProductionOrderChanged::getOrderId)
                .containsExactlyInAnyOrder(id(OPEN), id(DELETED), id(CLOSED));

        // a day without the feed: one product removed, one order deleted (its running-status gone), one closed
        prodsmart.changeExpired("products", Map.of("code", REMOVED, "notification", "product_remove"));
        Map<String, Object> deleted = order(DELETED, "started");
        deleted.remove("running-status");
        prodsmart.changeExpired("production-orders", deleted);
        Map<String, Object> closed = order(CLOSED, "closed");
        closed.put("is-active", false);
        prodsmart.changeExpired("production-orders", closed);

        String second = run();

        assertThat(articles(second)).filteredOn(ArticleUpserted::getDeleted).singleElement().satisfies(removal -> {
            assertThat(removal.getCode()).isEqualTo(REMOVED);
            // the last state it removes: the description, the company
            assertThat(removal.getDescription()).isEqualTo("Product " + REMOVED);
            assertThat(removal.getEnvelope().getTenant().getOrganisation()).isEqualTo(company);
        });
        assertThat(articles(second)).filteredOn(article -> article.getCode().equals(KEPT))
                .as("still listed: upserted, not removed").singleElement()
                .satisfies(article -> assertThat(article.getDeleted()).isFalse());
        assertThat(orders(second)).filteredOn(order -> order.getAction() == ChangeAction.DELETED)
                .singleElement().satisfies(order -> {
                    assertThat(order.getOrderId()).isEqualTo(id(DELETED));
                    assertThat(order.getActive()).isFalse();
                    assertThat(order.getCode()).isEqualTo("Production Order " + DELETED);
                });
        assertThat(orders(second)).filteredOn(order -> order.getOrderId().equals(id(CLOSED)))
                .as("closed: published as it is now, no longer active").singleElement().satisfies(order -> {
                    assertThat(order.getActive()).isFalse();
                    assertThat(order.getRunningStatus()).isEqualTo("closed");
                });
        assertThat(orders(second)).filteredOn(order -> order.getOrderId().equals(id(OPEN))).singleElement()
                .satisfies(order -> assertThat(order.getAction()).isNotEqualTo(ChangeAction.DELETED));

        String third = run();
        assertThat(articles(third)).as("nothing more to remove").extracting(ArticleUpserted::getCode)
                .containsExactly(KEPT);
        assertThat(orders(third)).extracting(ProductionOrderChanged::getOrderId).containsExactly(id(OPEN));
    }

    /** A full run, to its end. */
    private String run() {
        String runId = runner.trigger().orElseThrow();
        await().atMost(PATIENCE).until(() -> !runner.isRunning());
        return runId;
    }

    /** PRODUKTY, as the change feed shows a product. */
    private static Map<String, Object> product(String code) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("code", code);
        product.put("name", "Product " + code);
        product.put("observations", "");
        product.put("section", null);
        product.put("unit-cost", null);
        product.put("unit-price", null);
        product.put("families", List.of());
        product.put("notification", null);
        product.put("min-quantity-reorder", null);
        product.put("quantity-multiple", null);
        return product;
    }

    /** ZAMÓWIENIA PRODUKCJI, as the change feed shows an order. */
    private static Map<String, Object> order(long id, String runningStatus) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("products", List.of(Map.of("product", "RN2", "quantity-ordered", 30.0, "observations", "",
                "quantity-produced", 0.0)));
        order.put("code", "Production Order " + id);
        order.put("description", "");
        order.put("shipping", Map.of());
        order.put("start-date", "2022-04-21T00:00:00.000+01:00");
        order.put("due-date", "2022-04-28T00:00:00.000+01:00");
        order.put("ended", false);
        order.put("machines", List.of());
        order.put("notes", "");
        order.put("is-active", true);
        order.put("running-status", runningStatus);
        order.put("status", "onschedule");
        order.put("material-staging-complete", false);
        order.put("id", id);
        return order;
    }

    private boolean ofCompany(Envelope envelope) {
        return envelope.getTenant() != null && company.equals(envelope.getTenant().getOrganisation());
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    /** The company's articles published by the run {@code runId}. */
    private List<ArticleUpserted> articles(String runId) {
        return events(Topics.ARTICLE_UPSERTED, ArticleUpserted.class).stream()
                .filter(article -> ofCompany(article.getEnvelope()))
                .filter(article -> article.getEnvelope().getCorrelationId().startsWith(runId)).toList();
    }

    private List<ProductionOrderChanged> orders(String runId) {
        return events(Topics.PRODUCTION_ORDER_CHANGED, ProductionOrderChanged.class).stream()
                .filter(order -> ofCompany(order.getEnvelope()))
                .filter(order -> order.getEnvelope().getCorrelationId().startsWith(runId)).toList();
    }
}
