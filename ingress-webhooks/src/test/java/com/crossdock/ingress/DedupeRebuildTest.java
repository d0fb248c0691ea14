package com.crossdock.ingress;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.crossdock.ingress.prodsmart.RawRecordHeaders;
import com.crossdock.ingress.store.DedupeMemory;
import com.crossdock.ingress.store.DedupeRebuilder;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After a restart the memory of webhook uuids is rebuilt from the raw topic, not lost. */
class DedupeRebuildTest extends IngressIntegrationTest {

    @Test
    void remembersAfterARestartTheUuidsThatKafkaHolds() {
        String seen = Webhooks.newUuid();
        webhooks.post(Example.PUNCH_CLOCK_CREATED.topic(), Example.PUNCH_CLOCK_CREATED.body(), seen).expectStatus().isOk();
        awaitRaw(seen);

        // what a restarted instance does: an empty memory, rebuilt from the raw topic
        DedupeMemory restarted = new DedupeMemory(Duration.ofHours(25), 1000, Clock.systemUTC());
        int found = rebuilder(restarted).rebuild();

        assertThat(found).isPositive();
        assertThat(restarted.knows(seen)).isTrue();
        assertThat(restarted.claim(seen)).isFalse();
        assertThat(restarted.knows(Webhooks.newUuid())).isFalse();
    }

    private DedupeRebuilder rebuilder(DedupeMemory memory) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new DedupeRebuilder(() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                Topics.PRODSMART_WEBHOOK_RAW, ProdsmartHeaders.WEBHOOK_UUID, RawRecordHeaders.RECEIVED_AT, memory,
                Clock.systemUTC());
    }
}
