package com.crossdock.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PollerMetrics;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.testkit.SandboxServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Not a test: run it by hand (docs/prodsmart-poller.md "Measurements"). Two phases against the Prodsmart
 * sandbox, a real in-process KRaft broker and the schema registry, the poller paced as in production (98%
 * of the limit):
 * <ol>
 * <li><b>Backlog</b>: {@code changes} distinct stock changes wait in one channel before the poller starts.
 * Reported: the request rate the sandbox admitted while the poller drained it (first to last admitted
 * request) as a share of the limit, the same from the poller's start (start-up and lease included), the
 * busiest window's count against the limit, 429s, the loss window (Prodsmart's answer → Kafka ack) and the
 * latency of each change from the backlog's completion to its event on Kafka (broker timestamp), which by
 * design grows through the backlog.</li>
 * <li><b>Steady state</b>: {@code trickle} single changes at random moments into the drained feed; the
 * latency from each change to its event, which the idle interval bounds.</li>
 * </ol>
 * Args: [changes=10000] [limitPerMinute=1200] [trickle=20] [idleInterval=10s].
 */
public final class BacklogBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BacklogBenchmark.class);
    /** The production pacing: prodsmart-poller.yml's 510 ms at 120/min. */
    private static final double PACING = 0.98;

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
        int trickle = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Duration idle = args.length > 3 ? Duration.parse("PT" + args[3]) : Duration.ofSeconds(10);
        long spacingMicros = Math.round(60_000_000.0 / limit / PACING);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0);
             SandboxServer sandbox = SandboxServer.start("--sandboxes.prodsmart.api.rate-limit=" + limit)) {
            String sandboxUrl = sandbox.url();
            WebClient client = WebClient.builder().baseUrl(sandboxUrl)
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
            for (int from = 0; from < changes; from += 1000) {
                int start = from;
                List<Map<String, Object>> items = IntStream.range(start, Math.min(changes, start + 1000))
                        .mapToObj(i -> Map.<String, Object>of("product-code", "BM-" + i, "stock", i)).toList();
                client.post().uri("/prodsmart/_sandbox/changes/stock").bodyValue(items).retrieve().toBodilessEntity().block();
            }
            long enqueuedAt = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            try (ConfigurableApplicationContext poller = new SpringApplicationBuilder(ProdsmartPollerApplication.class)
                    .properties("spring.config.name=prodsmart-poller")
                    // command-line arguments, so they win over prodsmart-poller.yml
                    .run("--server.port=0", "--management.server.port=0",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                            "--crossdock.vendors.prodsmart.base-url=" + sandboxUrl + "/prodsmart",
                            "--crossdock.vendors.prodsmart.auth.key=prodsmart-demo-key",
                            "--crossdock.vendors.prodsmart.auth.secret=prodsmart-demo-secret",
                            "--crossdock.prodsmart.channels[0].name=stock", "--crossdock.prodsmart.channels[0].type=STOCK",
                            "--crossdock.prodsmart.feed.idle-interval=" + idle.toMillis() + "ms",
                            "--crossdock.prodsmart.reconciliation.enabled=false",
                            "--crossdock.spool.directory=" + java.nio.file.Files.createTempDirectory("bench-spool"),
                            "--crossdock.vendors.prodsmart.rate-limit-period=" + spacingMicros + "us");
                 StockReader reader = new StockReader(broker.getBrokersAsString(), poller.getBean(EventCodec.class))) {
                // phase 1: the backlog
                List<Long> latencies = new ArrayList<>();
                while (latencies.size() < changes) {
                    reader.poll().values().forEach(brokerTime -> latencies.add(brokerTime - enqueuedAt));
                }
                double sinceStart = (System.nanoTime() - startNanos) / 1e9;
                Map<?, ?> state = state(client);
                long requests = ((Number) state.get("requestsAdmitted")).longValue();
                double drainSeconds = Duration.between(Instant.parse((String) state.get("firstAdmittedAt")),
                        Instant.parse((String) state.get("lastAdmittedAt"))).toMillis() / 1000.0;
                // n requests span n-1 intervals
                double drainRate = (requests - 1) / drainSeconds * 60;
                double overallRate = requests / sinceStart * 60;
                latencies.sort(Long::compare);
                Timer window = poller.getBean(MeterRegistry.class).get(PollerMetrics.PERSIST).timer();
                log.info("BENCHMARK backlog changes={} limit={}/min pacing={}us requests={} drain={}s rate={}/min "
                                + "share={}% share-from-start={}% ({}s) peak-window={}/{} 429s={} "
                                + "loss-window p50={}ms p99={}ms max={}ms latency p50={}ms p95={}ms p99={}ms max={}ms",
                        changes, limit, spacingMicros, requests, fmt(drainSeconds), fmt(drainRate),
                        fmt(100 * drainRate / limit), fmt(100 * overallRate / limit), fmt(sinceStart),
                        state.get("peakRequestsInWindow"), limit, state.get("requestsThrottled"),
                        fmt(percentile(window, 0.5)), fmt(percentile(window, 0.99)),
                        fmt(window.max(java.util.concurrent.TimeUnit.MILLISECONDS)),
                        pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1));

                log.info("BENCHMARK backlog gaps: {}", gaps(client, spacingMicros / 1000.0));

                // phase 2: single changes into the drained feed
                List<Long> steady = new ArrayList<>();
                for (int i = 0; i < trickle; i++) {
                    String code = "ST-" + i;
                    long at = System.currentTimeMillis();
                    client.post().uri("/prodsmart/_sandbox/changes/stock")
                            .bodyValue(List.of(Map.of("product-code", code, "stock", i))).retrieve().toBodilessEntity().block();
                    Long seen = null;
                    while (seen == null) {
                        seen = reader.poll().get(code);
                    }
                    steady.add(seen - at);
                    // the next change at a moment uniformly spread over the poller's idle cycle
                    reader.pollFor(Duration.ofMillis(ThreadLocalRandom.current().nextLong(idle.toMillis() + 1)));
                }
                steady.sort(Long::compare);
                log.info("BENCHMARK steady changes={} idle-interval={}ms latency p50={}ms p95={}ms max={}ms 429s={}",
                        trickle, idle.toMillis(), pct(steady, 50), pct(steady, 95), steady.get(steady.size() - 1),
                        state(client).get("requestsThrottled"));
            }
        } finally {
            broker.destroy();
        }
    }

    /** Reads {@code crossdock.stock-changed.v1}: product code → broker timestamp of its total-level event. */
    private static final class StockReader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final EventCodec codec;

        StockReader(String bootstrap, EventCodec codec) {
            this.codec = codec;
            Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.STOCK_CHANGED));
        }

        Map<String, Long> poll() {
            Map<String, Long> seen = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                StockChanged event = codec.decode(record, StockChanged.class);
                if (event.getLot() == null) {
                    seen.put(event.getProductCode(), record.timestamp());
                }
            }
            return seen;
        }

        void pollFor(Duration duration) {
            long until = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < until) {
                poll();
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Where the drain lost time: the intervals between admitted requests longer than 1.5 permit spacings. */
    private static String gaps(WebClient client, double spacingMillis) {
        List<?> received = client.get().uri("/_sandbox/received?vendor=prodsmart").retrieve().bodyToMono(List.class).block();
        List<Instant> times = received.stream().map(r -> (Map<?, ?>) r).filter(r -> ((Number) r.get("status")).intValue() < 400)
                .map(r -> Instant.parse((String) r.get("receivedAt"))).sorted().toList();
        List<String> gaps = new ArrayList<>();
        long lost = 0;
        for (int i = 1; i < times.size(); i++) {
            long gap = Duration.between(times.get(i - 1), times.get(i)).toMillis();
            if (gap > 1.5 * spacingMillis) {
                gaps.add("#" + i + ":" + gap + "ms");
                lost += gap - Math.round(spacingMillis);
            }
        }
        return gaps.size() + " of " + Math.max(0, times.size() - 1) + " intervals (of the last " + times.size()
                + " requests), " + lost + " ms lost " + gaps;
    }

    private static Map<?, ?> state(WebClient client) {
        return client.get().uri("/prodsmart/_sandbox/state").retrieve().bodyToMono(Map.class).block();
    }

    private static double percentile(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
