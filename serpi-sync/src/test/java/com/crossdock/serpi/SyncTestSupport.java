package com.crossdock.serpi;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.Envelope;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.Timeouts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * serpi-sync against the SERPI sandbox (both in this JVM, over real HTTP) and the shared test broker: one context
 * for every test class of the module. The poller reads every second, 5 articles a page; the writer sends arrays of
 * 3. The sandbox holds a token 5 ms per request and refuses (and counts) a second request on it meanwhile.
 */
@CrossdockKafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = SerpiSyncApplication.class,
        properties = {"spring.config.name=serpi-sync",
                "crossdock.vendors.serpi.auth.headers.secretkey.value=serpi-demo-key",
                "crossdock.vendors.serpi.auth.headers.authorization.value=serpi-demo-token",
                "crossdock.vendors.serpi.retry.initial-interval=100ms", "crossdock.vendors.serpi.timeout=5s",
                "crossdock.serpi.feed.idle-interval=1s", "crossdock.serpi.feed.kafka-timeout=3s",
                "crossdock.serpi.reconciliation.enabled=false", "crossdock.serpi.lease.session-timeout=6s",
                "crossdock.serpi.page-size=5", "crossdock.serpi.write-batch-size=3",
                "crossdock.serpi.warehouses.1=serpi-bogota",
                "crossdock.serpi.mapping.units.UN=3", "crossdock.serpi.mapping.units.KG=4",
                "crossdock.serpi.mapping.material-types.RAW.accounting-group=2",
                "crossdock.serpi.mapping.material-types.RAW.line=1",
                "crossdock.serpi.mapping.material-types.RAW.category=2",
                "crossdock.serpi.mapping.material-types.RAW.presentation=5",
                "crossdock.serpi.mapping.material-types.RAW.brand=1",
                "crossdock.spool.drain-interval=200ms", "crossdock.admin.token=" + SyncTestSupport.ADMIN_TOKEN})
abstract class SyncTestSupport {

    static final String ADMIN_TOKEN = "serpi-admin-token";

    static final SandboxServer SANDBOX = SandboxServer.shared("--sandboxes.serpi.pace=5ms");
    static final String SERPI_URL = SANDBOX.url("serpi");
    static final SerpiSandboxClient SERPI = new SerpiSandboxClient(SERPI_URL);
    static final String COMPANY = "test-" + UUID.randomUUID();
    static final String WRITER_DLT = Topics.deadLetterTopic(Topics.ARTICLE_UPSERTED, "serpi-sync-writer");
    static final String WRITER_RETRY = Topics.retryTopic(Topics.ARTICLE_UPSERTED, "serpi-sync-writer");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) throws Exception {
        Path spool = Files.createTempDirectory("serpi-spool");
        registry.add("crossdock.vendors.serpi.base-url", () -> SERPI_URL);
        registry.add("crossdock.serpi.company", () -> COMPANY);
        registry.add("crossdock.spool.directory", spool::toString);
    }

    @Autowired
    EventCodec codec;

    @Autowired
    EventPublisher publisher;

    /** A code no other test uses. */
    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every ArticleUpserted of {@code code} on the topic so far, oldest first. */
    List<ArticleUpserted> articles(String code) {
        return TopicReader.shared().all(Topics.ARTICLE_UPSERTED).stream()
                .filter(record -> record.key() != null && code.equals(new String(record.key())))
                .map(record -> codec.decode(record, ArticleUpserted.class)).toList();
    }

    /** The writer's dead letters of {@code code}. */
    List<ConsumerRecord<byte[], byte[]>> deadLetters(String code) {
        return TopicReader.shared().all(WRITER_DLT).stream()
                .filter(record -> record.key() != null && code.equals(new String(record.key()))).toList();
    }

    /** An article another source (Prodsmart) states, as it lands on the article topic. */
    void publishFromProdsmart(String code, String description, String materialType) {
        publish(code, description, materialType, SourceSystem.PRODSMART);
    }

    void publish(String code, String description, String materialType, SourceSystem source) {
        ArticleUpserted article = ArticleUpserted.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setPublishedAt(Instant.now()).setSourceSystem(source).setSourceId(code)
                        .setCorrelationId(UUID.randomUUID().toString()).setTenant(null).build())
                .setCode(code).setDescription(description).setMaterialType(materialType).setUnitOfMeasure("UN")
                .setUnitCost(new BigDecimal("12.500000")).setAttributes(Map.of())
                .build();
        publisher.publish(Topics.ARTICLE_UPSERTED, code, article).block(Timeouts.BLOCK);
    }
}
