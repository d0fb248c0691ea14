package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

class ProdsmartPollerTest extends PollerTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    PollerLease lease;

    @LocalServerPort
    int port;

    @Test
    void drainsTheStockFeedIntoLevelEventsWithLotsWithinTheLimit() {
        change("stock", List.of(Map.of("product-code", "DR-1", "stock", 12, "lot", List.of(Map.of("code", "L1", "stock", 5)))));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stockOf("DR-"))
                .extracting(StockChanged::getLot).containsExactlyInAnyOrder(null, "L1"));
        assertThat(sandboxState().get("requestsThrottled")).isEqualTo(0);
    }

    @Test
    void carriesOnWhenTheTokenExpiresMidRun() {
        change("stock", List.of(Map.of("product-code", "TK-1", "stock", 1)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stockOf("TK-1")).hasSize(1));

        sandbox.post().uri("/prodsmart/_sandbox/tokens/expire").retrieve().toBodilessEntity().block();
        change("stock", List.of(Map.of("product-code", "TK-2", "stock", 2)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stockOf("TK-2")).hasSize(1));
        assertThat(meters.counter(PollerMetrics.TOKEN_RENEWALS, "reason", "unauthorized").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void honoursA429ByItsRetryAfterAndCountsIt() {
        double before = meters.counter(PollerMetrics.THROTTLED).count();
        sandbox.post().uri("/_sandbox/faults/prodsmart").bodyValue(Map.of("status", 429, "retryAfterSeconds", 2, "count", 1))
                .retrieve().toBodilessEntity().block();
        change("stock", List.of(Map.of("product-code", "RA-1", "stock", 3)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stockOf("RA-1")).hasSize(1));
        assertThat(meters.counter(PollerMetrics.THROTTLED).count()).isGreaterThan(before);
    }

    @Test
    void feedAndReconciliationTogetherStayWithinTheLimitAndReconciliationHeals() {
        change("products", IntStream.range(0, 30).mapToObj(i -> Map.of("code", "RC-" + i, "name", "Product " + i)).toList());
        change("stock", IntStream.range(0, 30).mapToObj(i -> Map.of("product-code", "RC-" + i, "stock", i)).toList());
        change("stock", IntStream.range(0, 100).mapToObj(i -> Map.of("product-code", "BG-" + i, "stock", i)).toList());

        Map<?, ?> started = WebClient.create("http://localhost:" + port).post().uri("/admin/prodsmart/reconciliation")
                .retrieve().bodyToMono(Map.class).block();
        String runId = (String) started.get("runId");

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(events(Topics.ARTICLE_UPSERTED, ArticleUpserted.class).stream()
                    .filter(e -> e.getEnvelope().getCorrelationId().startsWith(runId))
                    .map(ArticleUpserted::getCode).filter(code -> code.startsWith("RC-")).distinct()).hasSize(30);
            assertThat(stockOf("BG-").stream().map(StockChanged::getProductCode).distinct()).hasSize(100);
        });
        assertThat(sandboxState().get("requestsThrottled")).isEqualTo(0);
    }

    @Test
    void aSecondInstanceOfTheSameCompanyStandsBy() throws Exception {
        await().atMost(PATIENCE).until(lease::isActive);
        // the gauge must outlive a collection: its state was once only weakly held and read NaN
        System.gc();
        assertThat(meters.get(PollerMetrics.LEASE).gauge().value()).isEqualTo(1.0);
        Map<String, Object> consumer = new java.util.HashMap<>(kafkaProperties.buildConsumerProperties());
        consumer.put("bootstrap.servers", TestKafka.bootstrapServers());
        // a member id that sorts before the holder's: an assignor that is not sticky would hand it the lease
        consumer.put("client.id", "0-standby");
        PollerLease second = new PollerLease(consumer,
                new PollerProperties.Lease("crossdock.prodsmart-poller.lease", Duration.ofSeconds(6)), COMPANY);
        try {
            second.start();
            // once both are members of the group (the join has rebalanced it), the holder still holds
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
                String group = "prodsmart-poller-lease-" + COMPANY;
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get().members()).hasSize(2));
            }
            await().during(Duration.ofSeconds(3)).atMost(PATIENCE).untilAsserted(() -> {
                assertThat(second.isActive()).isFalse();
                assertThat(lease.isActive()).isTrue();
            });
        } finally {
            second.close();
        }
    }

    private List<StockChanged> stockOf(String prefix) {
        return events(Topics.STOCK_CHANGED, StockChanged.class).stream()
                .filter(e -> e.getProductCode().startsWith(prefix)).toList();
    }
}
