package com.crossdock.orders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.testkit.SandboxServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: bench/orders.sh runs it (docs/benchmarks.md "order-bridge"). order-bridge as in production (one
 * BaseLinker permit per 612 ms), a real in-process KRaft broker and registry, the sandboxes with BaseLinker's own
 * limit (100 requests a minute per token, then ERROR_BLOCKED_TOKEN). Four measures:
 * <ol>
 * <li><b>Order to Optimakers</b>, at the default cadence ({@code feed.idle-interval=2s}) and at the fastest the
 * budget allows ({@code 0s}: a read whenever a permit is free): {@code orders} single orders added at BaseLinker at
 * moments spread over the cadence, each timed from its add to its Optimakers order (polled every 10 ms).</li>
 * <li><b>Fulfilment</b>: an Optimakers webhook stored raw, as the ingress stores it before its 2xx, to the BaseLinker
 * status change (the sandbox's own time of it); against a baseline measured in the same run, one direct
 * {@code setOrderStatus} to the sandbox.</li>
 * <li><b>Backlog</b>: {@code backlog} orders wait at BaseLinker before the bridge starts; the share of BaseLinker's
 * budget used while draining them (first to last admitted request) and the blocked answers (must be 0).</li>
 * </ol>
 * Args: [orders=20] [backlog=1000].
 */
public final class OrdersBenchmark {

    private static final Logger log = LoggerFactory.getLogger(OrdersBenchmark.class);
    private static final int LIMIT_PER_MINUTE = 100;

    private OrdersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0);
             SandboxServer sandbox = SandboxServer.start("--sandboxes.received-log-size=100000")) {
            WebClient client = WebClient.builder().baseUrl(sandbox.url())
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
            // the backlog first: confirmed one second apart, in the past
            long first = Instant.now().getEpochSecond() - backlog - 10;
            for (int i = 0; i < backlog; i++) {
                add(client, first + i, "BL-" + i);
            }
            try (ConfigurableApplicationContext bridge = start(broker, registry, sandbox, "2s")) {
                awaitAtOptimakers(client, backlog, Duration.ofMinutes(10));
                // the drain: from the first getOrders to the one that answered the last, short page
                int pages = backlog / 100 + 1;
                List<Instant> calls = client.get().uri("/baselinker/_sandbox/received").retrieve()
                        .bodyToMono(JsonNode.class).block().valueStream()
                        .filter(r -> r.path("path").asString().endsWith("/connector.php"))
                        .map(r -> Instant.parse(r.path("receivedAt").asString())).sorted().toList();
                double drainSeconds = Duration.between(calls.get(0), calls.get(pages - 1)).toMillis() / 1000.0;
                double rate = (pages - 1) / drainSeconds * 60;
                Map<?, ?> state = state(client, "baselinker");
                log.info("BENCHMARK backlog orders={} pages={} drain={}s rate={}/min share={}% of {}/min (baseline: "
                                + "the published limit) peak-window={} blocked={} all-at-optimakers-after={}s", backlog,
                        pages, fmt(drainSeconds), fmt(rate), fmt(100 * rate / LIMIT_PER_MINUTE), LIMIT_PER_MINUTE,
                        state.get("peakRequestsInWindow"), state.get("requestsThrottled"),
                        fmt(Duration.between(calls.get(0), Instant.now()).toMillis() / 1000.0));

                // the baseline of the fulfilment: one setOrderStatus straight to the sandbox
                List<Long> direct = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long started = System.nanoTime();
                    client.post().uri("/baselinker/connector.php").header("X-BLToken", "baselinker-demo-token")
                            .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("method", "setOrderStatus")
                                    .with("parameters", "{\"order_id\": " + orderId(client, "BL-" + i) + ", \"status_id\": 1}"))
                            .retrieve().bodyToMono(String.class).block();
                    direct.add((System.nanoTime() - started) / 1_000_000);
                    hold(Duration.ofMillis(700));
                }
                List<Long> fulfilment = new ArrayList<>();
                try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
                    for (int i = 10; i < 10 + orders; i++) {
                        String reference = "baselinker:" + orderId(client, "BL-" + i);
                        JsonNode order = client.get().uri("/optimakers/_sandbox/orders?externalId={r}", reference)
                                .retrieve().bodyToMono(JsonNode.class).block().get(0);
                        client.post().uri("/optimakers/_sandbox/orders/{id}/fulfil?target=http://localhost:1/none",
                                order.path("id").asLong()).exchangeToMono(r -> r.releaseBody()).block();
                        long blId = Long.parseLong(reference.substring("baselinker:".length()));
                        Instant sent = Instant.now();
                        raw.send(new ProducerRecord<>(Topics.OPTIMAKERS_WEBHOOK_RAW, null, webhook(order.path("id").asLong())))
                                .get();
                        Instant changed = awaitStatus(client, blId, 3);
                        fulfilment.add(Duration.between(sent, changed).toMillis());
                        hold(Duration.ofMillis(ThreadLocalRandom.current().nextLong(500, 1500)));
                    }
                }
                direct.sort(Long::compare);
                fulfilment.sort(Long::compare);
                log.info("BENCHMARK fulfilment webhooks={} raw-to-BaseLinker-status p50={}ms p99={}ms max={}ms; "
                                + "baseline direct setOrderStatus p50={}ms; ratio p50={}", orders, pct(fulfilment, 50),
                        pct(fulfilment, 99), fulfilment.get(fulfilment.size() - 1), pct(direct, 50),
                        fmt((double) pct(fulfilment, 50) / Math.max(1, pct(direct, 50))));
            }
            List<Long> byDefault = latencies(broker, registry, sandbox, client, "2s", orders);
            List<Long> fastest = latencies(broker, registry, sandbox, client, "0s", orders);
            log.info("BENCHMARK order-to-optimakers default(2s) p50={}ms p99={}ms; fastest(0s, 612ms permits) p50={}ms "
                            + "p99={}ms; ratio p50 fastest/default={}", pct(byDefault, 50), pct(byDefault, 99),
                    pct(fastest, 50), pct(fastest, 99), fmt((double) pct(fastest, 50) / pct(byDefault, 50)));
            log.info("BENCHMARK blocked answers over the whole run: {}", state(client, "baselinker").get("requestsThrottled"));
        } finally {
            broker.destroy();
        }
    }

    private static List<Long> latencies(EmbeddedKafkaKraftBroker broker, InProcessSchemaRegistry registry,
            SandboxServer sandbox, WebClient client, String cadence, int orders) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (ConfigurableApplicationContext bridge = start(broker, registry, sandbox, cadence)) {
            // started, lease taken, cursor read back
            hold(Duration.ofSeconds(8));
            for (int i = 0; i < orders; i++) {
                long started = System.nanoTime();
                long id = add(client, null, "L-" + cadence + "-" + i);
                Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                        .until(() -> !client.get().uri("/optimakers/_sandbox/orders?externalId=baselinker:" + id).retrieve()
                                .bodyToMono(JsonNode.class).block().isEmpty());
                latencies.add((System.nanoTime() - started) / 1_000_000);
                // the next order at a moment spread over the cadence, and never in the second of the last
                hold(Duration.ofMillis(1100 + ThreadLocalRandom.current().nextLong(2000)));
            }
        }
        latencies.sort(Long::compare);
        return latencies;
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaKraftBroker broker, InProcessSchemaRegistry registry,
            SandboxServer sandbox, String cadence) throws Exception {
        return new SpringApplicationBuilder(OrderBridgeApplication.class)
                .properties("spring.config.name=order-bridge")
                .run("--server.port=0", "--management.server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                        "--crossdock.vendors.baselinker.base-url=" + sandbox.url("baselinker") + "/connector.php",
                        "--crossdock.vendors.baselinker.auth.headers.token.value=baselinker-demo-token",
                        "--crossdock.vendors.optimakers.base-url=" + sandbox.url("optimakers"),
                        "--crossdock.vendors.optimakers.auth.headers.apikey.value=optimakers-demo-key",
                        // one account throughout: each start reads on from the cursor the last one stored
                        "--crossdock.baselinker.account=bench",
                        "--crossdock.baselinker.feed.idle-interval=" + cadence,
                        "--crossdock.spool.directory=" + Files.createTempDirectory("bench-spool"));
    }

    private static long add(WebClient client, Long dateConfirmed, String sku) {
        Map<String, Object> order = dateConfirmed == null
                ? Map.of("order_status_id", 2, "currency", "PLN", "products", List.of(line(sku)))
                : Map.of("order_status_id", 2, "currency", "PLN", "date_confirmed", dateConfirmed,
                        "products", List.of(line(sku)));
        return client.post().uri("/baselinker/_sandbox/orders").bodyValue(order).retrieve().bodyToMono(JsonNode.class)
                .block().path("order_id").asLong();
    }

    private static Map<String, Object> line(String sku) {
        return Map.of("name", sku, "sku", sku, "quantity", 1, "price_brutto", 10.0, "tax_rate", 23);
    }

    private static final Map<String, Long> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The BaseLinker id of the backlog order with line {@code sku}. */
    private static long orderId(WebClient client, String sku) {
        if (IDS.isEmpty()) {
            JsonNode state = client.get().uri("/baselinker/_sandbox/state").retrieve().bodyToMono(JsonNode.class).block();
            for (JsonNode order : state.path("orders")) {
                JsonNode full = client.get().uri("/baselinker/_sandbox/orders/{id}", order.path("order_id").asLong())
                        .retrieve().bodyToMono(JsonNode.class).block();
                IDS.put(full.path("products").get(0).path("sku").asString(), order.path("order_id").asLong());
            }
        }
        return IDS.get(sku);
    }

    private static void awaitAtOptimakers(WebClient client, int count, Duration patience) {
        Awaitility.await("the backlog reaching Optimakers").atMost(patience).pollInterval(Duration.ofMillis(200))
                .until(() -> ((List<?>) state(client, "optimakers").get("orders")).size() >= count);
    }

    private static Instant awaitStatus(WebClient client, long orderId, long status) {
        return Awaitility.await("BaseLinker order " + orderId + " reaching status " + status).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    JsonNode state = client.get().uri("/baselinker/_sandbox/state").retrieve().bodyToMono(JsonNode.class).block();
                    for (JsonNode change : state.path("statusChanges")) {
                        if (change.path("order_id").asLong() == orderId && change.path("to").asLong() == status) {
                            return Instant.parse(change.path("at").asString());
                        }
                    }
                    return null;
                }, Objects::nonNull);
    }

    /** Paces the load (spreads orders over the cadence): a hold of {@code duration}, not a wait for a condition. */
    private static void hold(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }

    private static byte[] webhook(long optimakersId) {
        return ("{\"id\": \"" + UUID.randomUUID() + "\", \"createdAt\": \"" + Instant.now() + "\", \"token\": \"******\", "
                + "\"eventSource\": \"order.updated\", \"webhookRegistrationId\": 1, \"ids\": [" + optimakersId + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<?, ?> state(WebClient client, String vendor) {
        return client.get().uri("/" + vendor + "/_sandbox/state").retrieve().bodyToMono(Map.class).block();
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
