package com.crossdock.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.sandbox.SandboxesApplication;
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
 * Drains a backlog of changes from the sandbox with its limit raised, and reports the request rate
 * achieved as a share of the allowed rate, the 429s, and the latency from a change entering the sandbox
 * to its event on Kafka (broker timestamp). Not a test: run it by hand (docs/prodsmart-poller.md).
 * Args: [changes=10000] [limitPerMinute=1200].
 */
public final class BacklogBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BacklogBenchmark.class);

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
        // the poller paces at 96% of the limit, as prodsmart-poller.yml does for 120/min
        long spacingMicros = 60_000_000L / limit * 100 / 96;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0);
             ConfigurableApplicationContext sandbox = new SpringApplicationBuilder(SandboxesApplication.class)
                     .properties("spring.config.name=sandboxes")
                     .run("--server.port=0", "--sandboxes.prodsmart.api.rate-limit=" + limit)) {
            String sandboxUrl = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
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
                    .run("--server.port=0",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                            "--crossdock.prodsmart.base-url=" + sandboxUrl + "/prodsmart",
                            "--crossdock.prodsmart.api-key=prodsmart-demo-key",
                            "--crossdock.prodsmart.api-secret=prodsmart-demo-secret",
                            "--crossdock.prodsmart.channels[0].name=stock", "--crossdock.prodsmart.channels[0].type=STOCK",
                            "--crossdock.prodsmart.reconciliation.enabled=false",
                            "--crossdock.prodsmart.lease.session-timeout=6s",
                            "--crossdock.spool.directory=" + java.nio.file.Files.createTempDirectory("bench-spool"),
                            "--crossdock.vendors.prodsmart.rate-limit-period=" + spacingMicros + "us")) {
                List<Long> latencies = consume(broker.getBrokersAsString(), changes, enqueuedAt);
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                Map<?, ?> state = client.get().uri("/prodsmart/_sandbox/state").retrieve().bodyToMono(Map.class).block();
                long requests = ((Number) state.get("requestsAdmitted")).longValue();
                long throttled = ((Number) state.get("requestsThrottled")).longValue();
                latencies.sort(Long::compare);
                double rate = requests / seconds * 60;
                log.info("BENCHMARK changes={} limit={}/min elapsed={}s requests={} rate={}/min share={}% 429s={} "
                                + "latency p50={}ms p95={}ms p99={}ms max={}ms",
                        changes, limit, String.format("%.1f", seconds), requests, String.format("%.0f", rate),
                        String.format("%.1f", 100 * rate / limit), throttled, pct(latencies, 50), pct(latencies, 95),
                        pct(latencies, 99), latencies.get(latencies.size() - 1));
            }
        } finally {
            broker.destroy();
        }
    }

    private static List<Long> consume(String bootstrap, int expected, long enqueuedAt) {
        List<Long> latencies = new ArrayList<>();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STOCK_CHANGED));
            while (latencies.size() < expected) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    latencies.add(record.timestamp() - enqueuedAt);
                }
            }
        }
        return latencies;
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
