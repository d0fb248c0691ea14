package com.crossdock.paqtana.view;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.PoisonRecordException;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.serde.SchemaUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;

import static com.crossdock.paqtana.TestEvents.level;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view loader on the real broker (issue 9 point 3): a record whose schema the registry cannot give now is
 * read again after a backoff, never skipped; only poison is skipped, and a view that skipped one is not complete.
 * The failures are thrown where the codec throws them (wrapped in the codec's PoisonRecordException, as the
 * cause chain of an unknown schema id is), around the real {@link ViewRecords}.
 */
class ViewLoaderFailuresTest extends PaqtanaIntegrationTest {

    @Autowired
    private ViewRules rules;
    @Autowired
    private KafkaProperties kafka;
    @Autowired
    private KafkaAdmin admin;
    @Autowired
    private EventCodec codec;

    @Test
    void recordWhoseSchemaIsUnavailableIsReadAgainNotSkipped() {
        String code = stocked("LATE-SCHEMA");
        InventoryView rebuilt = new InventoryView(rules);
        ViewProgress progress = new ViewProgress();
        AtomicInteger unavailable = new AtomicInteger(3);
        ViewRecords records = new ViewRecords(rebuilt, codec, progress, () -> { }, new SimpleMeterRegistry(), new SentItems());

        InventoryViewLoader loader = loader(new Failing(records, code, () -> unavailable.getAndDecrement() > 0
                ? new PoisonRecordException("undeserializable record", new SchemaUnavailableException(7,
                        "schema registry answered 404: Schema 7 not found", null))
                : null), progress);
        loader.start();
        try {
            eventually().untilAsserted(() -> assertThat(progress.caughtUp()).isTrue());
            assertThat(unavailable.get()).as("read again until the schema came").isNegative();
            assertThat(progress.skippedRecords()).isZero();
            assertThat(progress.complete()).isTrue();
            assertThat(rebuilt.rows()).anySatisfy(row -> assertThat(row.code()).isEqualTo(code));
        } finally {
            loader.stop();
        }
    }

    @Test
    void poisonIsSkippedAndLeavesTheViewIncompleteSoReadinessSaysWhy() {
        String code = stocked("POISON");
        InventoryView rebuilt = new InventoryView(rules);
        ViewProgress progress = new ViewProgress();
        ViewRecords records = new ViewRecords(rebuilt, codec, progress, () -> { }, new SimpleMeterRegistry(), new SentItems());

        InventoryViewLoader loader = loader(new Failing(records, code,
                () -> new PoisonRecordException("not the Confluent Avro wire format", null)), progress);
        loader.start();
        try {
            eventually().untilAsserted(() -> assertThat(progress.caughtUp()).isTrue());
            assertThat(progress.skippedRecords()).isEqualTo(1);
            assertThat(progress.complete()).isFalse();
            var health = new ViewHealthIndicator(progress).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("reason", "records skipped").containsEntry("skippedRecords", 1L);
            assertThat(new ViewProgress(1)).satisfies(allowing -> {
                allowing.start(java.util.Map.of(), java.util.Map.of());
                allowing.skipped(new org.apache.kafka.common.TopicPartition("t", 0), 0);
                assertThat(allowing.complete()).as("an operator allowed one").isTrue();
            });
        } finally {
            loader.stop();
        }
    }

    private String stocked(String prefix) {
        String code = unique(prefix);
        publish(Topics.STOCK_CHANGED, Topics.stockKey(code, "wh1"), level(code, "wh1", "6"));
        return code;
    }

    private InventoryViewLoader loader(ViewRecordHandler handler, ViewProgress progress) {
        return new InventoryViewLoader(kafka.buildConsumerProperties(), admin.getConfigurationProperties(),
                ViewConfiguration.LOADED_TOPICS, handler, progress, Backoff.fixed(Duration.ofMillis(100)));
    }

    /**
     * The real records, except that the stock record of {@code code} fails as {@code failure} says (null: it does
     * not).
     */
    private record Failing(ViewRecords records, String code, java.util.function.Supplier<RuntimeException> failure)
            implements ViewRecordHandler {

        @Override
        public void apply(ConsumerRecord<byte[], byte[]> record) {
            if (record.topic().equals(Topics.STOCK_CHANGED) && record.key() != null
                    && new String(record.key(), StandardCharsets.UTF_8).contains(code)) {
                RuntimeException thrown = failure.get();
                if (thrown != null) {
                    throw thrown;
                }
            }
            records.apply(record);
        }

        @Override
        public void skip(ConsumerRecord<?, ?> record, Exception failure) {
            records.skip(record, failure);
        }
    }
}
