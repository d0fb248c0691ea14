package com.crossdock.poller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.vendor.VendorPolicies;
import com.crossdock.platform.vendor.VendorProperties;
import com.crossdock.platform.vendor.VendorsProperties;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.TestPolicies;
import com.crossdock.testkit.TestSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

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
                // an answer later than this is lost in transit (the sandbox answers at once unless told otherwise)
                "crossdock.vendors.prodsmart.timeout=" + PollerTestSupport.TIMEOUT,
                "crossdock.spool.drain-interval=200ms", "crossdock.spool.retry.initial-interval=400ms",
                "crossdock.spool.retry.max-interval=1s", "crossdock.admin.token=" + PollerTestSupport.ADMIN_TOKEN})
abstract class PollerTestSupport {

    /** The poller's {@code crossdock.admin.token} in these tests. */
    static final String ADMIN_TOKEN = "poller-admin-token";

    /** The sandbox's limit in the poller tests: 20 Prodsmart requests per 5 s (constants: reading them starts nothing). */
    static final String LIMIT = "--sandboxes.prodsmart.api.rate-limit=20";
    static final String PERIOD = "--sandboxes.prodsmart.api.rate-period=5s";
    static final SandboxServer SANDBOX = SandboxServer.shared(LIMIT, PERIOD);
    static final String SANDBOX_URL = SANDBOX.url();
    static final String COMPANY = "test-" + UUID.randomUUID();
    /** The poller's timeout of one Prodsmart call in these tests. */
    static final String TIMEOUT = "3s";

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) throws Exception {
        Path spool = Files.createTempDirectory("poller-spool");
        registry.add("crossdock.vendors.prodsmart.base-url", () -> SANDBOX_URL + "/prodsmart");
        registry.add("crossdock.prodsmart.company", () -> COMPANY);
        registry.add("crossdock.spool.directory", spool::toString);
    }

    @Autowired
    EventCodec codec;

    @Autowired
    VendorPolicies policies;

    @Autowired
    JsonMapper json;

    void change(String channel, Object items) {
        SANDBOX.control().prodsmart().change(channel, items);
    }

    Map<String, Object> sandboxState() {
        return SANDBOX.control().prodsmart().state();
    }

    /** Every record on {@code topic} so far, decoded as {@code type}. */
    <T> List<T> events(String topic, Class<T> type) {
        return TopicReader.shared().all(topic).stream().map(record -> codec.decode(record, type)).toList();
    }

    /**
     * Clients with the company's vendor settings but the base URL {@code baseUrl}, as setting
     * {@code crossdock.vendors.prodsmart.base-url} would give them, and {@code more} settings of
     * {@code crossdock.vendors.prodsmart} ({@code auth.exchange.reuse-existing=false}).
     */
    VendorClients clientsOn(String baseUrl, MeterRegistry registry, String... more) {
        Map<String, VendorProperties> vendors = new HashMap<>(policies.properties().vendors());
        vendors.put("company", policies.properties().forVendor(PollerConfiguration.VENDOR));
        vendors.putAll(TestPolicies.properties(VendorsProperties.class, TestSettings.join(new String[] {
                PollerConfiguration.VENDOR + ".base-config=company", PollerConfiguration.VENDOR + ".base-url=" + baseUrl},
                TestSettings.under(PollerConfiguration.VENDOR, more))).vendors());
        return new VendorClients(new VendorPolicies(new VendorsProperties(vendors), registry), WebClient.builder(), json,
                registry, Clock.systemUTC());
    }

}
