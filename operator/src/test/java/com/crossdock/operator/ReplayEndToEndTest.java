package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.DeadLetterDetails;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Retryability;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.CrossdockKafkaTest;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From failure to recovery with the platform's real error handler: a group whose vendor refuses records
 * dead-letters them; once the vendor is back, a filtered replay reaches only that group, exactly once; a record
 * that keeps failing is parked after --max-replays.
 */
@CrossdockKafkaTest
@SpringBootTest(classes = ReplayEndToEndTest.App.class, properties = {
        "spring.main.web-application-type=none", "crossdock.kafka.partitions=1"})
class ReplayEndToEndTest {

    static final String TOPIC = "crossdock.e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
    static final String GROUP = "e2e-publisher";
    static final String SIBLING = "e2e-sibling";
    static final String DLT = Topics.deadLetterTopic(TOPIC, GROUP);

    @DynamicPropertySource
    static void topic(DynamicPropertyRegistry registry) {
        registry.add("e2e.topic", () -> TOPIC);
    }

    @Autowired
    RawRecordSender sender;
    @Autowired
    Vendor vendor;

    @Test
    void aFilteredReplayReachesOnlyTheFailedGroupOnceAndARecordFailingAgainIsParked() throws Exception {
        vendor.down.set(true);
        for (String key : List.of("order-1", "order-2", "order-3")) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, utf8(key), utf8("payload of " + key));
            record.headers().add(EventPublisher.EVENT_TYPE, utf8("OrderPlaced"));
            sender.send(record).get();
        }
        await().untilAsserted(() -> assertThat(DeadLetters.readAll(DLT)).hasSize(3));
        await().untilAsserted(() -> assertThat(vendor.siblingSeen).hasSize(3));
        assertThat(DeadLetters.header(DeadLetters.readAll(DLT).get(0), DeadLetterHeaders.FAILURE_CLASS)).isEqualTo(VendorRefused.class.getName());
        vendor.down.set(false);

        OperatorRun replay = OperatorRun.onTestBroker("dlt", "replay", DLT, "--group", GROUP, "--key", "order-1", "--key", "order-2",
                "--event-type", "OrderPlaced", "--failure-class", "VendorRefused");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        await().untilAsserted(() -> assertThat(vendor.delivered).containsExactlyInAnyOrder("order-1", "order-2"));
        assertThat(DeadLetters.readAll(TOPIC)).as("nothing was written to the source topic").hasSize(3);
        assertThat(vendor.siblingSeen).as("the sibling group saw only the original three").hasSize(3);

        vendor.down.set(true);
        OperatorRun failingAgain = OperatorRun.onTestBroker("dlt", "replay", DLT, "--group", GROUP, "--key", "order-3", "--max-replays", "1");
        assertThat(failingAgain.exitCode()).as(failingAgain.err()).isZero();
        await().untilAsserted(() -> assertThat(DeadLetters.readAll(DLT)).hasSize(4));
        ConsumerRecord<byte[], byte[]> again = DeadLetters.readAll(DLT).get(3);
        assertThat(DeadLetters.header(again, ReplayHeaders.COUNT)).isEqualTo("1");

        OperatorRun parking = OperatorRun.onTestBroker("dlt", "replay", DLT, "--group", GROUP, "--key", "order-3", "--max-replays", "1");

        assertThat(parking.exitCode()).as(parking.err()).isZero();
        assertThat(parking.out()).contains("1 matched, 0 replayed", "1 parked");
        assertThat(DeadLetters.keys(DeadLetters.readAll(Topics.parkedTopic(TOPIC, GROUP)))).containsExactly("order-3");
        assertThat(DeadLetters.retention(Topics.parkedTopic(TOPIC, GROUP))).as("a parked record waits as long as a dead letter")
                .isEqualTo(Long.toString(java.time.Duration.ofDays(30).toMillis()));
        assertThat(DeadLetters.retention(Topics.OPERATOR_AUDIT)).as("the audit is kept").isEqualTo("-1");
        assertThat(vendor.delivered).containsExactlyInAnyOrder("order-1", "order-2");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A vendor's permanent refusal (a 4xx): straight to the dead-letter topic, no in-place retries. */
    static final class VendorRefused extends RuntimeException implements Retryability, DeadLetterDetails {
        VendorRefused() {
            super("vendor refused: 409 locked for maintenance");
        }

        @Override
        public boolean transientFailure() {
            return false;
        }

        @Override
        public Map<String, String> deadLetterHeaders() {
            return Map.of("crossdock.vendor.status", "409");
        }
    }

    /** The failing group (source and retry topic, as every Crossdock group) and a sibling group on the source. */
    static final class Vendor {
        final AtomicBoolean down = new AtomicBoolean();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> siblingSeen = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "#{@e2eGroup.id()}", groupId = "#{@e2eGroup.id()}", topics = "#{@e2eGroup.listenTopics()}")
        void publish(ConsumerRecord<byte[], byte[]> record) {
            if (down.get()) {
                throw new VendorRefused();
            }
            delivered.add(new String(record.key(), StandardCharsets.UTF_8));
        }

        @KafkaListener(id = SIBLING, groupId = SIBLING, topics = "${e2e.topic}")
        void sibling(ConsumerRecord<byte[], byte[]> record) {
            siblingSeen.add(new String(record.key(), StandardCharsets.UTF_8));
        }
    }

    @SpringBootApplication
    static class App {
        @Bean
        Vendor vendor() {
            return new Vendor();
        }

        @Bean
        NewTopic sourceTopic() {
            return new NewTopic(TOPIC, 1, (short) 1);
        }

        @Bean
        ConsumerGroup e2eGroup() {
            return new ConsumerGroup(GROUP, TOPIC);
        }
    }
}
