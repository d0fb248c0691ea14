package com.crossdock.serpi;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.Envelope;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PollerMetrics;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.testkit.SandboxServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: bench/serpi.sh runs it (docs/benchmarks.md "serpi-sync"). Against the SERPI sandbox at its pace (one
 * token, each request holding it {@code pace} long), a real in-process KRaft broker and the schema registry:
 * <ol>
 * <li><b>Baseline</b>, in the same run: a bare sequential client on the same token (no Kafka, no service) reads
 * every article page by page and writes arrays of the same size: the one-at-a-time capacity.</li>
 * <li><b>Inbound</b>: serpi-sync starts on {@code articles} articles; its first read publishes every one. Articles
 * per second to the last event on Kafka, and the share of the wall time the token was busy at SERPI.</li>
 * <li><b>Outbound</b>: {@code articles} ArticleUpserted of another source; articles per second until SERPI holds
 * them all, and the token's busy share, while the poller keeps reading every {@code cadence}.</li>
 * <li><b>Change → event</b>: {@code changes} single changes at moments spread uniformly over the cadence; the time
 * from each change at SERPI to its event on Kafka.</li>
 * </ol>
 * The sandbox's count of refused concurrent uses of the token is reported at the end (must be 0).
 * Args: [articles=2000] [pace=20ms] [cadence=2s] [changes=10].
 */
public final class SerpiBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SerpiBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 100;
    private static final int BATCH = 50;
    private static final String TOKEN = "serpi-demo-token";
    private static final String KEY = "serpi-demo-key";

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Duration pace = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1].replace("ms", "")) : 20);
        Duration cadence = Duration.parse("PT" + (args.length > 2 ? args[2] : "2s"));
        int changes = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0);
             SandboxServer sandbox = SandboxServer.start("--sandboxes.serpi.pace=" + pace.toMillis() + "ms")) {
            Serpi serpi = new Serpi(sandbox.url("serpi"));
            for (int i = 0; i < articles; i++) {
                serpi.control("PUT", "/_sandbox/articles/BM-" + i, Map.of("descripcion", "Articulo " + i,
                        "costo", 100 + i, "idunidadmedida", 3));
            }

            // 1. baseline: one-at-a-time capacity with a bare client on the same token
            Map<String, Object> before = serpi.state();
            long t0 = System.nanoTime();
            int read = 0;
            for (int page = 1; ; page++) {
                JsonNode answer = serpi.api("GET", "/api/v1/Articulo?limite=" + PAGE + "&pagina=" + page, null);
                read += answer.path("result").size();
                if (answer.path("result").size() < PAGE) {
                    break;
                }
            }
            double baselineRead = read / seconds(t0);
            double baselineReadBusy = busyShare(before, serpi.state(), t0);
            before = serpi.state();
            t0 = System.nanoTime();
            int written = 0;
            for (int from = 0; from < articles; from += BATCH) {
                List<Map<String, Object>> array = new ArrayList<>();
                for (int i = from; i < Math.min(articles, from + BATCH); i++) {
                    array.add(Map.of("codigo", "BASE-" + i, "descripcion", "Base " + i, "idgrupocontable", 1,
                            "idlinea", 1, "idcategoria", 1, "idpresentacion", 1, "idmarca", 1, "idunidadmedida", 3,
                            "activo", true));
                }
                serpi.api("POST", "/api/v1/Articulo", array);
                written += array.size();
            }
            double baselineWrite = written / seconds(t0);
            double baselineWriteBusy = busyShare(before, serpi.state(), t0);
            log.info("BENCHMARK baseline read={} articles/s (token busy {}%) write={} articles/s (token busy {}%) pace={}ms",
                    fmt(baselineRead), fmt(100 * baselineReadBusy), fmt(baselineWrite), fmt(100 * baselineWriteBusy),
                    pace.toMillis());

            // 2. inbound: the service's first read publishes every article
            before = serpi.state();
            t0 = System.nanoTime();
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SerpiSyncApplication.class)
                    .properties("spring.config.name=serpi-sync")
                    .run("--server.port=0", "--management.server.port=0",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                            "--crossdock.vendors.serpi.base-url=" + sandbox.url("serpi"),
                            "--crossdock.vendors.serpi.auth.headers.authorization.value=" + TOKEN,
                            "--crossdock.vendors.serpi.auth.headers.secretkey.value=" + KEY,
                            "--crossdock.serpi.company=bench", "--crossdock.serpi.page-size=" + PAGE,
                            "--crossdock.serpi.write-batch-size=" + BATCH,
                            "--crossdock.serpi.feed.idle-interval=" + cadence.toMillis() + "ms",
                            "--crossdock.serpi.reconciliation.enabled=false",
                            "--crossdock.serpi.mapping.units.UN=3",
                            "--crossdock.serpi.mapping.default-material-type=DEMO",
                            "--crossdock.serpi.mapping.material-types.DEMO.accounting-group=1",
                            "--crossdock.serpi.mapping.material-types.DEMO.line=1",
                            "--crossdock.serpi.mapping.material-types.DEMO.category=1",
                            "--crossdock.serpi.mapping.material-types.DEMO.presentation=1",
                            "--crossdock.serpi.mapping.material-types.DEMO.brand=1",
                            "--crossdock.spool.directory=" + Files.createTempDirectory("serpi-bench-spool"));
                 Articles topic = new Articles(broker.getBrokersAsString())) {
                // from the first request the service sends (its start-up and the lease's group join left out)
                long served = ((Number) before.get("requestsServed")).longValue();
                while (((Number) serpi.state().get("requestsServed")).longValue() == served) {
                    topic.poll();
                }
                long startedAt = System.nanoTime();
                Map<String, Object> atStart = serpi.state();
                while (topic.count("BM-") < articles) {
                    topic.poll();
                }
                double inbound = articles / seconds(startedAt);
                double inboundBusy = busyShare(atStart, serpi.state(), startedAt);
                log.info("BENCHMARK inbound articles={} in {}s from the service's first request ({}s with its start-up): "
                                + "{} articles/s = {} of the baseline; token busy {}% of the time",
                        articles, fmt(seconds(startedAt)), fmt(seconds(t0)), fmt(inbound), fmt(inbound / baselineRead),
                        fmt(100 * inboundBusy));
                logWhereTheTimeGoes(service.getBean(MeterRegistry.class), "inbound", "getArticulo");

                // 3. outbound: articles of another source into SERPI
                EventPublisher publisher = service.getBean(EventPublisher.class);
                Map<String, Object> outStart = serpi.state();
                long o0 = System.nanoTime();
                List<reactor.core.publisher.Mono<?>> sends = new ArrayList<>();
                for (int i = 0; i < articles; i++) {
                    sends.add(publisher.publish(Topics.ARTICLE_UPSERTED, "OUT-" + i, article("OUT-" + i)));
                }
                reactor.core.publisher.Mono.when(sends).block();
                int created = ((Number) outStart.get("created")).intValue();
                while (((Number) serpi.state().get("created")).intValue() < created + articles) {
                    topic.poll();
                }
                double outbound = articles / seconds(o0);
                double outboundBusy = busyShare(outStart, serpi.state(), o0);
                log.info("BENCHMARK outbound articles={} in {}s: {} articles/s = {} of the baseline; token busy {}% "
                                + "of the time (poller reading every {}s meanwhile)", articles, fmt(seconds(o0)),
                        fmt(outbound), fmt(outbound / baselineWrite), fmt(100 * outboundBusy), cadence.toSeconds());
                logWhereTheTimeGoes(service.getBean(MeterRegistry.class), "outbound (totals so far)", "postArticulo");

                // 4. change at SERPI -> its event
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < changes; i++) {
                    // the change at a moment uniformly spread over the poller's cadence
                    topic.pollFor(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cadence.toMillis() + 1)));
                    String code = "BM-" + i;
                    topic.poll();
                    int seen = topic.countExact(code);
                    long at = System.currentTimeMillis();
                    serpi.control("PUT", "/_sandbox/articles/" + code, Map.of("descripcion", "Cambio " + i));
                    while (topic.countExact(code) <= seen) {
                        topic.poll();
                    }
                    latencies.add(topic.lastTimestamp(code) - at);
                }
                latencies.sort(Long::compare);
                long mean = Math.round(latencies.stream().mapToLong(Long::longValue).average().orElse(0));
                long overhead = mean - cadence.toMillis() / 2;
                log.info("BENCHMARK change-to-event cadence={}s changes={} mean={}ms p50={}ms max={}ms; at the default "
                                + "5 min cadence: mean ~{}s (150 s + {} ms), max ~{}s",
                        cadence.toSeconds(), changes, mean, latencies.get(latencies.size() / 2),
                        latencies.get(latencies.size() - 1), fmt((150_000 + overhead) / 1000.0), overhead,
                        fmt((300_000 + overhead) / 1000.0));
            }
            log.info("BENCHMARK concurrent uses of the token refused by SERPI: {} (requests served {})",
                    serpi.state().get("concurrentRefused"), serpi.state().get("requestsServed"));
        } finally {
            broker.destroy();
        }
    }

    private static ArticleUpserted article(String code) {
        return ArticleUpserted.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setPublishedAt(Instant.now()).setSourceSystem(SourceSystem.PRODSMART).setSourceId(code)
                        .setCorrelationId("bench").setTenant(null).build())
                .setCode(code).setDescription("Desde Prodsmart " + code).setUnitOfMeasure("UN")
                .setUnitCost(new BigDecimal("10.000000")).setAttributes(Map.of()).build();
    }

    /**
     * The service's own timers: the mean SERPI call as the client saw it (bulkhead wait included), and the mean time
     * from an articles page's answer to its save (the poller kit's persist window), so a low share can be placed.
     */
    private static void logWhereTheTimeGoes(MeterRegistry meters, String phase, String operation) {
        Timer persist = meters.find(PollerMetrics.PERSIST).tag("channel", ArticleFeed.CHANNEL).timer();
        double calls = 0;
        double callMillis = 0;
        for (Timer call : meters.find(VendorMetrics.CALL_DURATION).tag("operation", operation).timers()) {
            calls += call.count();
            callMillis += call.totalTime(TimeUnit.MILLISECONDS);
        }
        log.info("BENCHMARK {} where the time goes: {} {} calls, mean {} ms each (bulkhead wait included); {} articles "
                        + "pages saved, mean {} ms from answer to saved", phase, fmt(calls), operation,
                fmt(calls == 0 ? 0 : callMillis / calls), persist == null ? 0 : persist.count(),
                fmt(persist == null ? 0 : persist.mean(TimeUnit.MILLISECONDS)));
    }

    /** The token's busy time at SERPI over the wall time since {@code start}. */
    private static double busyShare(Map<String, Object> before, Map<String, Object> after, long start) {
        long busy = ((Number) after.get("tokenBusyMillis")).longValue()
                - ((Number) before.get("tokenBusyMillis")).longValue();
        return busy / 1000.0 / seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }

    /** A bare client of the sandbox: its API on the demo token, its control endpoints. */
    private record Serpi(String url, HttpClient http) {

        Serpi(String url) {
            this(url, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        JsonNode api(String method, String path, Object body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("secretkey", KEY)
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return JSON.readTree(send(request));
        }

        void control(String method, String path, Object body) throws Exception {
            send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> state() throws Exception {
            return JSON.readValue(send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/state"))), Map.class);
        }

        /** A request with a timeout, sent again once when it times out (an idle connection the server dropped). */
        private String send(HttpRequest.Builder request) throws Exception {
            HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.net.http.HttpTimeoutException timedOut) {
                return http.send(built, HttpResponse.BodyHandlers.ofString()).body();
            }
        }
    }

    /** The article topic as it fills: count per code, broker timestamp of the last event of each. */
    private static final class Articles implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Long> last = new HashMap<>();

        Articles(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "serpi-bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            consumer.subscribe(List.of(Topics.ARTICLE_UPSERTED));
        }

        void poll() {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String key = new String(record.key());
                counts.merge(key, 1, Integer::sum);
                last.put(key, record.timestamp());
            }
        }

        void pollFor(Duration wait) {
            long end = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < end) {
                poll();
            }
        }

        /** Codes starting with {@code prefix} seen at least once (poll first). */
        int count(String prefix) {
            poll();
            return (int) counts.keySet().stream().filter(code -> code.startsWith(prefix)).count();
        }

        int countExact(String code) {
            return counts.getOrDefault(code, 0);
        }

        long lastTimestamp(String code) {
            return last.get(code);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
