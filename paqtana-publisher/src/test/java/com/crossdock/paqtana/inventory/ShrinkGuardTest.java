package com.crossdock.paqtana.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.crossdock.paqtana.PaqtanaIntegrationTest;
import com.crossdock.paqtana.PaqtanaSandbox;
import com.crossdock.paqtana.client.JsonPayload;
import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.ItemKey;
import com.crossdock.paqtana.view.SentItems;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.retry.Backoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

import static com.crossdock.paqtana.TestEvents.level;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 point 3, third fix: what Paqtana last received survives a restart (a compacted topic the view loader
 * reads), and a first PUT that would drop a large share of it without deletions explaining it is held. Here the
 * "earlier run" is written to the topic directly: items this view never held, as after an empty registry or
 * stock past its retention. A fresh publisher (as after a restart) over the live view and the live loader's
 * reading of the topic holds its PUT.
 */
class ShrinkGuardTest extends PaqtanaIntegrationTest {

    private static final int GHOSTS = 1_000;

    @Autowired
    private InventoryView view;
    @Autowired
    private ViewProgress progress;
    @Autowired
    private SentItems sentItems;
    @Autowired
    private RawRecordSender raw;

    private final String prefix = unique("GHOST");

    @AfterEach
    void forgetTheGhosts() throws Exception {
        for (int i = 0; i < GHOSTS; i++) {
            raw.send(new ProducerRecord<>(Topics.PAQTANA_MASTER_INVENTORY_SENT, ghost(i), null));
        }
        raw.send(new ProducerRecord<>(Topics.PAQTANA_MASTER_INVENTORY_SENT, ghost(GHOSTS - 1), null)).get();
        eventually().untilAsserted(() -> assertThat(sentItems.snapshot())
                .noneMatch(item -> item.code().startsWith(prefix)));
    }

    @Test
    void firstPutAfterARestartThatWouldDropWhatPaqtanaHoldsUnexplainedIsHeld() throws Exception {
        String real = unique("REAL");
        publish(Topics.STOCK_CHANGED, Topics.stockKey(real, "wh1"), level(real, "wh1", "3"));
        // the live publisher has pushed (and read what was recorded before this test) before the ghosts come
        eventually().untilAsserted(() -> assertThat(PaqtanaSandbox.masterInventoryRow("wh1", real)).isPresent());
        for (int i = 0; i < GHOSTS; i++) {
            raw.send(new ProducerRecord<>(Topics.PAQTANA_MASTER_INVENTORY_SENT, ghost(i),
                    "1".getBytes(StandardCharsets.UTF_8)));
        }
        raw.send(new ProducerRecord<>(Topics.PAQTANA_MASTER_INVENTORY_SENT, ghost(0),
                "1".getBytes(StandardCharsets.UTF_8))).get();
        eventually().untilAsserted(() -> {
            assertThat(sentItems.snapshot()).filteredOn(item -> item.code().startsWith(prefix)).hasSize(GHOSTS);
            assertThat(view.rows()).anySatisfy(row -> assertThat(row.code()).isEqualTo(real));
        });
        List<String> puts = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MasterInventoryPublisher restarted = new MasterInventoryPublisher(view, progress, recording(puts),
                new MasterInventoryDeadLetters(raw, InventoryConfiguration.pushDeadLetterTopic(),
                        InventoryConfiguration.SERVICE, java.time.Clock.systemUTC()), meters,
                new MasterInventoryPublisher.Debounce(Duration.ofMillis(100), Duration.ofSeconds(1),
                        Backoff.fixed(Duration.ofSeconds(1))), 0.2, Mono::empty,
                new KafkaSentItems(raw, sentItems));
        restarted.start();
        try {
            restarted.runNow();

            eventually().untilAsserted(() -> assertThat(meters.counter("crossdock.paqtana.master_inventory.pushes",
                    "outcome", "held_shrink").count()).isEqualTo(1));
            assertThat(puts).isEmpty();
        } finally {
            restarted.stop();
        }
    }

    private byte[] ghost(int i) {
        return SentItems.key(new ItemKey("wh1", prefix + "-" + i));
    }

    private static PaqtanaClient recording(List<String> puts) {
        return new PaqtanaClient() {
            @Override
            public Mono<Void> putMasterInventory(JsonPayload payload) {
                return Mono.fromRunnable(() -> puts.add("put of " + payload.rowCount() + " rows"));
            }

            @Override
            public Mono<Void> postHistoricalDemand(JsonPayload payload, boolean autoCalculate) {
                return Mono.empty();
            }
        };
    }
}
