package com.crossdock.poller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The poller against the Prodsmart sandbox, both in this JVM over real HTTP, and the shared test broker.
 * The sandbox allows 20 requests per 5 s (a sliding window); the poller paces one call per 270 ms (18.5 per
 * 5 s), so any 429 the sandbox counts means the poller overspent. Kafka going away: {@link PollerKafkaOutageTest}.
 */
@CrossdockKafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ProdsmartPollerApplication.class,
        properties = {"spring.config.name=prodsmart-poller",
                "crossdock.vendors.prodsmart.auth.key=prodsmart-demo-key", "crossdock.vendors.prodsmart.auth.secret=prodsmart-demo-secret",
                "crossdock.prodsmart.feed.idle-interval=1s", "crossdock.prodsmart.feed.kafka-timeout=3s",
                "crossdock.prodsmart.reconciliation.enabled=false", "crossdock.vendors.prodsmart.shares.reconciliation.rate-limit-permits=1",
                "crossdock.vendors.prodsmart.shares.reconciliation.rate-limit-period=1s", "crossdock.prodsmart.lease.session-timeout=6s",
                "crossdock.vendors.prodsmart.rate-limit-period=270ms", "crossdock.vendors.prodsmart.retry.initial-interval=100ms",
                "crossdock.spool.drain-interval=200ms", "crossdock.spool.retry.initial-interval=400ms",
                "crossdock.spool.retry.max-interval=1s"})
abstract class PollerTestSupport {

    static final ConfigurableApplicationContext SANDBOX = PollerSandbox.start();
    static final String SANDBOX_URL = PollerSandbox.url(SANDBOX);
    static final String COMPANY = "test-" + UUID.randomUUID();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) throws Exception {
        Path spool = Files.createTempDirectory("poller-spool");
        registry.add("crossdock.vendors.prodsmart.base-url", () -> SANDBOX_URL + "/prodsmart");
        registry.add("crossdock.prodsmart.company", () -> COMPANY);
        registry.add("crossdock.spool.directory", spool::toString);
    }

    @Autowired
    EventCodec codec;

    final WebClient sandbox = WebClient.create(SANDBOX_URL);

    void change(String channel, Object items) {
        sandbox.post().uri("/prodsmart/_sandbox/changes/{channel}", channel).bodyValue(items)
                .retrieve().toBodilessEntity().block();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sandboxState() {
        return sandbox.get().uri("/prodsmart/_sandbox/state").retrieve().bodyToMono(Map.class).block();
    }

    /** Every record on {@code topic} so far, decoded as {@code type}. */
    <T> List<T> events(String topic, Class<T> type) {
        return TopicReader.shared().all(topic).stream().map(record -> codec.decode(record, type)).toList();
    }
}
