package com.crossdock.poller;

import static com.crossdock.testkit.Timeouts.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.BatchWriter;
import com.crossdock.platform.poller.PollerBudget;
import com.crossdock.platform.poller.PollerLease;
import com.crossdock.platform.poller.PollerMetrics;
import com.crossdock.platform.poller.PublishedLimit;
import com.crossdock.platform.poller.ReconciliationRunner;
import com.crossdock.platform.poller.RecordEncoder;
import com.crossdock.platform.vendor.AuthProperties;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.testing.TestKafka;
import com.crossdock.testing.TestSchemaRegistry;
import com.crossdock.testkit.OwnEventLoops;
import com.crossdock.testkit.SandboxControl;
import com.crossdock.testkit.SandboxControl.Fault;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.Timeouts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threeten.extra.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

@ExtendWith(OutputCaptureExtension.class)
class ProdsmartPollerTest extends PollerTestSupport {

    private static final PublishedLimit PUBLISHED_LIMIT = new PublishedLimit(120, Duration.ofMinutes(1));

    @Autowired
    MeterRegistry meters;

    @Autowired
    PollerLease lease;

    @Autowired
    PollerProperties properties;

    @Autowired
    VendorClients clients;

    @Autowired
    ItemRouter router;

    @Autowired
    Removals removals;

    @Autowired
    RecordEncoder encoder;

    @Autowired
    BatchWriter writer;

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

        SANDBOX.control().expireTokens("prodsmart");
        change("stock", List.of(Map.of("product-code", "TK-2", "stock", 2)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stockOf("TK-2")).hasSize(1));
        assertThat(meters.counter(VendorMetrics.TOKEN_RENEWALS, "vendor", PollerConfiguration.VENDOR, "reason", "unauthorized")
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void renewsTheTokenBeforeTheEndOfItsLifeWithoutWaitingForA401() {
        MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> tokens = new CopyOnWriteArrayList<>();
        // the poller's own settings and policy (its budget is the sandbox's too), a token life on the test's clock, and
        // a filter of the WebClient the kit builds on, which sees each request as sent, authenticated
        WebClient.Builder spied = WebClient.builder().filter((request, next) -> {
            String token = UriComponentsBuilder.fromUri(request.url()).build().getQueryParams().getFirst("access_token");
            if (token != null) {
                tokens.add(token);
            }
            return next.exchange(request);
        });
        VendorClients clients = new VendorClients(policies, spied, json, registry, clock);
        ProdsmartClient client = new ProdsmartClient(
                new PollerBudget(clients, PollerConfiguration.VENDOR, PUBLISHED_LIMIT, registry, clock).feed());
        AuthProperties.ExchangeProperties exchange = policies.properties().forVendor(PollerConfiguration.VENDOR).auth().exchange();
        Duration renewAfter = exchange.life().minus(exchange.renewBefore());

        client.productsPage(1).block();
        client.productsPage(1).block();
        clock.add(renewAfter.minusSeconds(1));
        client.productsPage(1).block();
        clock.add(Duration.ofSeconds(2));
        client.productsPage(1).block();

        assertThat(tokens).hasSize(4);
        assertThat(tokens.subList(0, 3)).as("cached, still just before its renewal time").containsOnly(tokens.get(0));
        assertThat(tokens.get(3)).isNotBlank().isNotEqualTo(tokens.get(0));
        assertThat(registry.counter(VendorMetrics.TOKEN_RENEWALS, "vendor", PollerConfiguration.VENDOR, "reason", "expiry")
                .count()).isEqualTo(1);
        assertThat(registry.find(VendorMetrics.TOKEN_RENEWALS).tag("reason", "unauthorized").counter()).isNull();
    }

    @Test
    void honoursA429ByItsRetryAfterAndCountsIt() {
        double before = meters.counter(VendorMetrics.THROTTLED, "vendor", PollerConfiguration.VENDOR).count();
        SANDBOX.control().fault("prodsmart", Fault.status(429).retryAfter(Duration.ofSeconds(2)).times(1));
        change("stock", List.of(Map.of("product-code", "RA-1", "stock", 3)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stockOf("RA-1")).hasSize(1));
        assertThat(meters.counter(VendorMetrics.THROTTLED, "vendor", PollerConfiguration.VENDOR).count()).isGreaterThan(before);
    }

    @Test
    void feedAndReconciliationTogetherStayWithinTheLimitAndReconciliationHeals() {
        change("products", IntStream.range(0, 30).mapToObj(i -> Map.of("code", "RC-" + i, "name", "Product " + i)).toList());
        change("stock", IntStream.range(0, 30).mapToObj(i -> Map.of("product-code", "RC-" + i, "stock", i)).toList());
        change("stock", IntStream.range(0, 100).mapToObj(i -> Map.of("product-code", "BG-" + i, "stock", i)).toList());

        // 409 while a run is in progress (another test's channel reconciliation may still be going): ask until accepted
        AtomicReference<String> started = new AtomicReference<>();
        await().atMost(Timeouts.RECOVERY).until(() -> {
            WebClient.create("http://localhost:" + port).post().uri("/admin/prodsmart/reconciliation")
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).exchangeToMono(answer -> answer.statusCode().value() == 202 ? answer.bodyToMono(Map.class)
                            : answer.releaseBody().then(Mono.empty()))
                    .blockOptional(Timeouts.BLOCK).ifPresent(body -> started.set((String) body.get("runId")));
            return started.get() != null;
        });
        String runId = started.get();

        await().atMost(Timeouts.RECOVERY).untilAsserted(() -> {
            assertThat(events(Topics.ARTICLE_UPSERTED, ArticleUpserted.class).stream()
                    .filter(e -> e.getEnvelope().getCorrelationId().startsWith(runId))
                    .map(ArticleUpserted::getCode).filter(code -> code.startsWith("RC-")).distinct()).hasSize(30);
            assertThat(stockOf("BG-").stream().map(StockChanged::getProductCode).distinct()).hasSize(100);
        });
        assertThat(sandboxState().get("requestsThrottled")).isEqualTo(0);
    }

    @Test
    void aSecondPollerOfTheSameCompanyStandsBySaysWhyAndSendsProdsmartNothing(CapturedOutput output) throws Exception {
        await().atMost(PATIENCE).until(lease::isActive);
        // the gauge must outlive a collection: its state was once only weakly held and read NaN
        System.gc();
        assertThat(meters.get(PollerMetrics.LEASE).gauge().value()).isEqualTo(1.0);
        String group = Topics.leaseGroup("prodsmart", COMPANY);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ProdsmartPollerApplication.class)
                .properties("spring.config.name=prodsmart-poller")
                .initializers(OwnEventLoops.initializer())
                .run("--server.port=0", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--spring.kafka.properties.schema.registry.url=" + TestSchemaRegistry.url(),
                        // a member id that sorts before the holder's: an assignor that is not sticky would hand it the lease
                        "--spring.kafka.consumer.client-id=0-standby",
                        "--crossdock.vendors.prodsmart.base-url=" + SANDBOX_URL + "/prodsmart",
                        "--crossdock.prodsmart.company=" + COMPANY,
                        "--crossdock.vendors.prodsmart.auth.key=prodsmart-demo-key", "--crossdock.vendors.prodsmart.auth.secret=prodsmart-demo-secret",
                        "--crossdock.prodsmart.feed.idle-interval=1s", "--crossdock.prodsmart.lease.session-timeout=6s",
                        "--crossdock.prodsmart.reconciliation.enabled=false",
                        "--crossdock.vendors.prodsmart.rate-limit-period=270ms",
                        "--crossdock.spool.directory=" + Files.createTempDirectory("poller-standby-spool"));
             Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            // once both are members of the group (the join has rebalanced it), the holder still holds
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get().members()).hasSize(2));
            // at once, not only once a minute
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.getOut())
                    .contains("Standby: another instance holds the lease of prodsmart account " + COMPANY, group));

            change("stock", IntStream.range(0, 40).mapToObj(i -> Map.of("product-code", "SB-" + i, "stock", i)).toList());

            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(stockOf("SB-").stream().map(StockChanged::getProductCode).distinct()).hasSize(40));
            assertThat(lease.isActive()).isTrue();
            assertThat(second.getBean(PollerLease.class).isActive()).isFalse();
            assertThat(secondMeters.get(PollerMetrics.LEASE).gauge().value()).isZero();
            // not a feed read, not even a token: the standby spends none of the company's budget
            assertThat(secondMeters.find(VendorMetrics.REQUESTS).counters().stream().mapToDouble(Counter::count).sum()).isZero();
        }
    }

    @Test
    void aReconciliationSkipsAProductWithoutStockAndStopsAtTheNextPageOnceTheLeaseIsLost() throws Exception {
        // a sandbox of its own: this run's pages hold exactly these products
        try (SandboxServer own = SandboxServer.start(LIMIT, PERIOD)) {
            SandboxControl.Prodsmart control = own.control().prodsmart();
            String prefix = "LL-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            control.change("products", IntStream.range(0, 30)
                    .mapToObj(i -> Map.of("code", code(prefix, i), "name", "Product " + i)).toList());
            // every product of the first page has its stock counted, but for two
            control.change("stock", IntStream.range(0, 30).filter(i -> i != 3 && i != 7)
                    .mapToObj(i -> Map.of("product-code", code(prefix, i), "stock", i)).toList());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            PollerMetrics metrics = new PollerMetrics(registry, Clock.systemUTC(), PollerConfiguration.VENDOR);
            // the company's settings on this sandbox, without reconciliation's share: no wait of two seconds a call
            ProdsmartClient ownClient = new ProdsmartClient(new PollerBudget(clientsOn(own.url("prodsmart"), registry),
                    PollerConfiguration.VENDOR, PUBLISHED_LIMIT, registry, Clock.systemUTC()).feed());
            // the lease is held for the trigger and the first page, lost before the second
            AtomicInteger leaseChecks = new AtomicInteger();
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                // each stock answer's arrival a minute after the one before: a level's as-of time is its own answer's
                Instant firstAnswer = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                AtomicInteger answers = new AtomicInteger();
                Clock answerClock = new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return firstAnswer.plus(Duration.ofMinutes(answers.getAndIncrement()));
                    }
                };
                ReconciliationRunner reconciliation = new ReconciliationRunner(
                        new ProdsmartReconciliation(ownClient, router, removals, json, answerClock).passes(), encoder,
                        writer, () -> leaseChecks.incrementAndGet() <= 2, metrics, Clock.systemUTC(), executor);

                String runId = reconciliation.trigger().orElseThrow();

                await().atMost(PATIENCE).until(() -> !reconciliation.isRunning());
                List<String> articles = events(Topics.ARTICLE_UPSERTED, ArticleUpserted.class).stream()
                        .filter(e -> e.getEnvelope().getCorrelationId().startsWith(runId)).map(ArticleUpserted::getCode).toList();
                List<String> stocked = stockOf(prefix).stream().filter(e -> e.getEnvelope().getCorrelationId().startsWith(runId))
                        .map(StockChanged::getProductCode).toList();
                int page = ProdsmartClient.PAGE_SIZE;
                assertThat(articles).as("the first page, and no more").hasSize(page).allMatch(code -> code.startsWith(prefix));
                assertThat(stocked).as("the first page's stock, but for the two without").hasSize(page - 2)
                        .doesNotContain(code(prefix, 3), code(prefix, 7));
                List<Instant> asOf = stockOf(prefix).stream().filter(e -> e.getEnvelope().getCorrelationId().startsWith(runId))
                        .sorted(java.util.Comparator.comparing(StockChanged::getProductCode))
                        .map(e -> e.getEnvelope().getOccurredAt()).toList();
                assertThat(asOf).as("each level as of its own answer, in the order they were read, never the run's start")
                        .doesNotHaveDuplicates().isSorted().allMatch(at -> !at.isBefore(firstAnswer));
                assertThat(leaseChecks).hasValue(3);
                assertThat(registry.counter(PollerMetrics.RECONCILIATION_RUNS, "vendor", "prodsmart", "outcome", "lease-lost")
                        .count()).isEqualTo(1);
                assertThat(registry.counter(PollerMetrics.RECONCILIATION_ITEMS, "vendor", "prodsmart", "kind", "product-without-stock")
                        .count()).isEqualTo(2);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    /** Zero-padded, so that the sandbox's pages (in code order) hold 0 to 24, then 25 to 29. */
    private static String code(String prefix, int i) {
        return prefix + String.format("%02d", i);
    }

    private List<StockChanged> stockOf(String prefix) {
        return events(Topics.STOCK_CHANGED, StockChanged.class).stream()
                .filter(e -> e.getProductCode().startsWith(prefix)).toList();
    }
}
