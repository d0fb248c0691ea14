package com.crossdock.paqtana.view;

import java.time.Duration;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.retry.Backoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;

import static com.crossdock.paqtana.TestEvents.article;
import static com.crossdock.paqtana.TestEvents.level;
import static org.assertj.core.api.Assertions.assertThat;

class ViewRebuildTest extends PaqtanaIntegrationTest {

    @Autowired
    private InventoryView liveView;
    @Autowired
    private ViewRules rules;
    @Autowired
    private HealthEndpoint health;
    @Autowired
    private HealthEndpointGroups healthGroups;
    @Autowired
    private KafkaProperties kafka;
    @Autowired
    private KafkaAdmin admin;
    @Autowired
    private EventCodec codec;

    @Test
    void readinessWaitsForTheViewAndIsUpOnceItCaughtUp() {
        assertThat(healthGroups.get("readiness").isMember("paqtanaView")).isTrue();

        eventually().untilAsserted(() -> assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void restartedViewIsRebuiltFromKafkaAsItWas() {
        String code = unique("SHAFT");
        publish(Topics.ARTICLE_UPSERTED, code, article(code, "Shaft"));
        publish(Topics.STOCK_CHANGED, Topics.stockKey(code, "wh1"), level(code, "wh1", "6"));
        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.masterInventoryRow("wh1", code)).isPresent());

        InventoryView rebuilt = new InventoryView(rules);
        ViewProgress progress = new ViewProgress();
        InventoryViewLoader loader = new InventoryViewLoader(kafka.buildConsumerProperties(),
                admin.getConfigurationProperties(), ViewConfiguration.LOADED_TOPICS,
                new ViewRecords(rebuilt, codec, progress, () -> { }, new SimpleMeterRegistry(), new SentItems()), progress,
                Backoff.fixed(Duration.ofMillis(50)));
        loader.start();
        try {
            eventually().untilAsserted(() -> assertThat(progress.caughtUp()).isTrue());
            assertThat(rowsOf(rebuilt, code)).isNotEmpty().isEqualTo(rowsOf(liveView, code));
        } finally {
            loader.stop();
        }
    }

    @Test
    void viewConsumerNeverCommitsAnOffset() throws Exception {
        eventually().untilAsserted(() -> assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP));

        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            assertThat(client.listConsumerGroupOffsets(InventoryViewLoader.VIEW_CONSUMER)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static List<InventoryRow> rowsOf(InventoryView view, String code) {
        return view.rows().stream().filter(r -> r.code().equals(code)).toList();
    }
}
