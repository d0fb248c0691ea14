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
 * <li><b>Inbound</b>: serpi-sync starts (the default cadence, 5 minutes) on the {@code articles} articles and the
 * {@code articles} the baseline wrote; its first read publishes every one. Articles per second to the last event on Kafka, and the share of the wall time the token was
 * busy at SERPI.</li>
 * <li><b>Outbound</b>: {@code articles} ArticleUpserted of another source; articles per second until SERPI holds
 * them all, and the token's busy share (the same service: at the default cadence the writer has the token to itself
 * between two reads, as in production).</li>
 * <li><b>Change → event</b>: a second service reading every {@code cadence}; {@code changes} single changes at
 * moments spread uniformly over the cadence; the time from each change at SERPI to its event on Kafka.</li>
 * </ol>
 * Each phase is reported whole and in its <b>steady state</b>: from the end of its first tenth of articles to the end
 * of its ninth tenth (start-up, the connections, the JIT and the tail left out), with the requests SERPI served, the
 * mean busy time per request (from a request's arrival at SERPI to its answer's last byte written) and its parts
 * (the request's read, the pace, the answer's write), the mean gap between two (the network and the client), the
 * share the sandbox's old, pace-only definition gives, and the service's timers over the same window. The
 * sandbox's count of refused concurrent uses of the token is reported at the end (must be 0).
 * Args: [articles=20000] [pace=20ms] [cadence=2s] [changes=10].
 */
public final class SerpiBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SerpiBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 100;
    private static final int BATCH = 50;
    private static final String TOKEN = "serpi-demo-token";
    private static final String KEY = "serpi-demo-key";

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
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
            int pages = (articles + PAGE - 1) / PAGE;
            Probe before = Probe.take(serpi, null, null);
            Probe from = null;
            Probe to = null;
            int read = 0;
            for (int page = 1; ; page++) {
                JsonNode answer = serpi.api("GET", "/api/v1/Articulo?limite=" + PAGE + "&pagina=" + page, null);
                read += answer.path("result").size();
                from = page == steadyFrom(pages) ? Probe.take(serpi, null, null) : from;
                to = page == steadyTo(pages) ? Probe.take(serpi, null, null) : to;
                if (answer.path("result").size() < PAGE) {
                    break;
                }
            }
            Probe after = Probe.take(serpi, null, null);
            Window baselineRead = new Window(before, after, read);
            Window baselineReadSteady = Window.of(from, to, (steadyTo(pages) - steadyFrom(pages)) * PAGE);
            int arrays = (articles + BATCH - 1) / BATCH;
            before = Probe.take(serpi, null, null);
            from = null;
            to = null;
            int written = 0;
            for (int array = 1; array <= arrays; array++) {
                List<Map<String, Object>> body = new ArrayList<>();
                for (int i = (array - 1) * BATCH; i < Math.min(articles, array * BATCH); i++) {
                    body.add(Map.of("codigo", "BASE-" + i, "descripcion", "Base " + i, "idgrupocontable", 1,
                            "idlinea", 1, "idcategoria", 1, "idpresentacion", 1, "idmarca", 1, "idunidadmedida", 3,
                            "activo", true));
                }
                serpi.api("POST", "/api/v1/Articulo", body);
                written += body.size();
                from = array == steadyFrom(arrays) ? Probe.take(serpi, null, null) : from;
                to = array == steadyTo(arrays) ? Probe.take(serpi, null, null) : to;
            }
            after = Probe.take(serpi, null, null);
            Window baselineWrite = new Window(before, after, written);
            Window baselineWriteSteady = Window.of(from, to, (steadyTo(arrays) - steadyFrom(arrays)) * BATCH);
            log.info("BENCHMARK baseline pace={}ms read: {}; steady state {}", pace.toMillis(), baselineRead,
                    baselineReadSteady);
            log.info("BENCHMARK baseline pace={}ms write: {}; steady state {}", pace.toMillis(), baselineWrite,
                    baselineWriteSteady);

            // 2. inbound: the service's first read publishes every article. The service runs at the default
            // cadence (5 minutes): the writer of phase 3 has the token to itself between two reads, as in production.
            before = Probe.take(serpi, null, null);
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext service = service(broker, registry, sandbox, null);
                 Articles topic = new Articles(broker.getBrokersAsString())) {
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                // from the first request the service sends (its start-up and the lease's group join left out)
                while (serpi.served() == before.served()) {
                    topic.poll();
                }
                Probe start = Probe.take(serpi, meters, "getArticulo");
                from = null;
                to = null;
                int seenFrom = 0;
                int seenTo = 0;
                // the first read lists every article SERPI holds: the benchmark's and the baseline's
                int listed = 2 * articles;
                for (int seen = topic.count(); seen < listed; seen = topic.count()) {
                    if (from == null && seen >= steadyFrom(listed)) {
                        from = Probe.take(serpi, meters, "getArticulo");
                        seenFrom = seen;
                    }
                    if (to == null && seen >= steadyTo(listed)) {
                        to = Probe.take(serpi, meters, "getArticulo");
                        seenTo = seen;
                    }
                    topic.poll();
                }
                Window inbound = new Window(start, Probe.take(serpi, meters, "getArticulo"), listed);
                Window inboundSteady = Window.of(from, to, seenTo - seenFrom);
                log.info("BENCHMARK inbound articles={} (start-up {}s before the first request): {} = {} of the baseline;"
                                + " steady state {} = {} of the baseline's", listed, fmt((start.nanos - t0) / 1e9),
                        inbound, fmt(inbound.rate() / baselineRead.rate()), inboundSteady,
                        fmt(inboundSteady.rate() / baselineReadSteady.rate()));

                // 3. outbound: articles of another source into SERPI
                EventPublisher publisher = service.getBean(EventPublisher.class);
                Probe outStart = Probe.take(serpi, meters, "postArticulo");
                List<reactor.core.publisher.Mono<?>> sends = new ArrayList<>();
                for (int i = 0; i < articles; i++) {
                    sends.add(publisher.publish(Topics.ARTICLE_UPSERTED, "OUT-" + i, article("OUT-" + i)));
                }
                reactor.core.publisher.Mono.when(sends).block();
                from = null;
                to = null;
                int created;
                while ((created = serpi.created() - outStart.created) < articles) {
                    topic.poll();
                    from = from == null && created >= steadyFrom(articles) ? Probe.take(serpi, meters, "postArticulo") : from;
                    to = to == null && created >= steadyTo(articles) ? Probe.take(serpi, meters, "postArticulo") : to;
                }
                Window outbound = new Window(outStart, Probe.take(serpi, meters, "postArticulo"), articles);
                Window outboundSteady = Window.of(from, to, to == null || from == null ? 0 : to.created - from.created);
                log.info("BENCHMARK outbound articles={}: {} = {} of the baseline; steady state {} = {} of the "
                                + "baseline's", articles, outbound, fmt(outbound.rate() / baselineWrite.rate()),
                        outboundSteady, fmt(outboundSteady.rate() / baselineWriteSteady.rate()));
            }

            // 4. change at SERPI -> its event, on a service reading every `cadence`; its first read (every article,
            // nothing changed) ends before the first change
            try (ConfigurableApplicationContext service = service(broker, registry, sandbox, cadence);
                 Articles topic = new Articles(broker.getBrokersAsString())) {
                int inSerpi = ((Number) serpi.state().get("articles")).intValue();
                io.micrometer.core.instrument.Counter listed = null;
                while (listed == null || listed.count() < inSerpi) {
                    topic.poll();
                    listed = service.getBean(MeterRegistry.class).find("crossdock.serpi.articles.read")
                            .tag("channel", ArticleFeed.CHANNEL).counter();
                }
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

    /** The service on the benchmark's broker, registry and sandbox; {@code cadence} null: the default (5 minutes). */
    private static ConfigurableApplicationContext service(EmbeddedKafkaKraftBroker broker,
            InProcessSchemaRegistry registry, SandboxServer sandbox, Duration cadence) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--crossdock.vendors.serpi.base-url=" + sandbox.url("serpi"),
                "--crossdock.vendors.serpi.auth.headers.authorization.value=" + TOKEN,
                "--crossdock.vendors.serpi.auth.headers.secretkey.value=" + KEY,
                "--crossdock.serpi.company=bench", "--crossdock.serpi.page-size=" + PAGE,
                "--crossdock.serpi.write-batch-size=" + BATCH,
                "--crossdock.serpi.reconciliation.enabled=false",
                "--crossdock.serpi.mapping.units.UN=3",
                "--crossdock.serpi.mapping.default-material-type=DEMO",
                "--crossdock.serpi.mapping.material-types.DEMO.accounting-group=1",
                "--crossdock.serpi.mapping.material-types.DEMO.line=1",
                "--crossdock.serpi.mapping.material-types.DEMO.category=1",
                "--crossdock.serpi.mapping.material-types.DEMO.presentation=1",
                "--crossdock.serpi.mapping.material-types.DEMO.brand=1",
                "--crossdock.spool.directory=" + Files.createTempDirectory("serpi-bench-spool")));
        if (cadence != null) {
            args.add("--crossdock.serpi.feed.idle-interval=" + cadence.toMillis() + "ms");
        }
        return new SpringApplicationBuilder(SerpiSyncApplication.class).properties("spring.config.name=serpi-sync")
                .run(args.toArray(String[]::new));
    }

    /** The steady state: from the end of the first tenth of a phase's {@code total} units... */
    private static int steadyFrom(int total) {
        return Math.max(1, total / 10);
    }

    /** ...to the end of its ninth tenth: start-up (connections, JIT, the producer's first sends) and tail left out. */
    private static int steadyTo(int total) {
        return Math.max(steadyFrom(total) + 1, total * 9 / 10);
    }

    /**
     * One moment of a phase: the sandbox's counters (requests served, the token's busy time, articles created), and
     * the service's timers when there is a service: the SERPI calls of {@code operation} as the client saw them
     * (bulkhead wait included), and the articles pages' time from answer to saved ({@code crossdock.poller.persist}).
     */
    private record Probe(long nanos, long served, long busyMillis, long receivingMillis, long pacedMillis,
            long sendingMillis, int created, long calls, double callMillis, long saves, double saveMillis) {

        static Probe take(Serpi serpi, MeterRegistry meters, String operation) throws Exception {
            long nanos = System.nanoTime();
            Map<String, Object> state = serpi.state();
            long calls = 0;
            double callMillis = 0;
            long saves = 0;
            double saveMillis = 0;
            if (meters != null) {
                for (Timer call : meters.find(VendorMetrics.CALL_DURATION).tag("operation", operation).timers()) {
                    calls += call.count();
                    callMillis += call.totalTime(TimeUnit.MILLISECONDS);
                }
                Timer persist = meters.find(PollerMetrics.PERSIST).tag("channel", ArticleFeed.CHANNEL).timer();
                if (persist != null) {
                    saves = persist.count();
                    saveMillis = persist.totalTime(TimeUnit.MILLISECONDS);
                }
            }
            return new Probe(nanos, number(state, "requestsServed"), number(state, "tokenBusyMillis"),
                    number(state, "receivingMillis"), number(state, "pacedMillis"), number(state, "sendingMillis"),
                    ((Number) state.get("created")).intValue(), calls, callMillis, saves, saveMillis);
        }

        private static long number(Map<String, Object> state, String field) {
            return ((Number) state.get(field)).longValue();
        }
    }

    /**
     * What happened between two probes: {@code units} articles, the requests SERPI served, the share of the wall time
     * its token was busy (a request's arrival to its answer's last byte written), the mean busy time per request and
     * its parts, the mean gap between two (the time the token waited for the network and the client), the same with
     * the pace-only span (the old definition), and the service's timers over the window.
     */
    private record Window(Probe from, Probe to, int units) {

        /** The window between two probes; when one was not taken (the phase ended first), an empty one. */
        static Window of(Probe from, Probe to, int units) {
            Probe at = from != null ? from : to;
            return from == null || to == null ? new Window(at, at, 0) : new Window(from, to, units);
        }

        double seconds() {
            return from == null ? 0 : (to.nanos - from.nanos) / 1e9;
        }

        double rate() {
            return seconds() == 0 ? 0 : units / seconds();
        }

        @Override
        public String toString() {
            if (from == null || from == to) {
                return "not measured (the phase ended before its steady state)";
            }
            long requests = to.served - from.served;
            double busy = (to.busyMillis - from.busyMillis) / 1000.0;
            double paced = (to.pacedMillis - from.pacedMillis) / 1000.0;
            String own = to.calls == 0 && to.saves == 0 ? "" : String.format(
                    "; calls %d, mean %.1f ms (bulkhead wait included); pages saved %d, mean %.1f ms from answer to saved",
                    to.calls - from.calls, to.calls == from.calls ? 0 : (to.callMillis - from.callMillis) / (to.calls - from.calls),
                    to.saves - from.saves, to.saves == from.saves ? 0 : (to.saveMillis - from.saveMillis) / (to.saves - from.saves));
            return String.format("%d articles in %.2f s = %.1f articles/s, %d requests, token busy %.1f%% "
                            + "(%.1f ms per request: receiving %.1f + paced %.1f + sending %.1f; gap %.1f ms between "
                            + "two); pace-only busy (the old definition) %.1f%% (%.1f ms + gap %.1f ms)%s",
                    units, seconds(), rate(), requests, percent(busy), perRequest(busy, requests),
                    perRequest((to.receivingMillis - from.receivingMillis) / 1000.0, requests), perRequest(paced, requests),
                    perRequest((to.sendingMillis - from.sendingMillis) / 1000.0, requests),
                    perRequest(seconds() - busy, requests), percent(paced), perRequest(paced, requests),
                    perRequest(seconds() - paced, requests), own);
        }

        private double percent(double busySeconds) {
            return seconds() == 0 ? 0 : 100 * busySeconds / seconds();
        }

        private static double perRequest(double seconds, long requests) {
            return requests == 0 ? 0 : 1000 * seconds / requests;
        }
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
            // sent again once after 10 s without an answer (seen twice on the loaded machine: a request the sandbox
            // never answered); should the first still hold the token, the second is refused and counted, and the run
            // fails here rather than report a short read
            JsonNode answer = JSON.readTree(send(request));
            if (!answer.path("success").asBoolean(false)) {
                throw new IllegalStateException(method + " " + path + " failed: " + answer);
            }
            return answer;
        }

        void control(String method, String path, Object body) throws Exception {
            send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        long served() throws Exception {
            return ((Number) state().get("requestsServed")).longValue();
        }

        int created() throws Exception {
            return ((Number) state().get("created")).intValue();
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

        /** Codes seen at least once (poll first). */
        int count() {
            poll();
            return counts.size();
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
