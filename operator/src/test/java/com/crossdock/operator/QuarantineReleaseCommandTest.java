package com.crossdock.operator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code operator quarantine release}: quarantined webhooks (verified, but stale or without a delivery id) go on to
 * their raw topic byte for byte, once, with the provenance of the release; nothing else moves.
 */
class QuarantineReleaseCommandTest {

    @Test
    void releasesTheQuarantinedWebhooksToTheRawTopicByteForByteAndOnlyOnce() throws Exception {
        String raw = "crossdock.prodsmart-webhook-raw-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        String quarantine = Topics.quarantineTopic(raw);
        create(raw, quarantine);
        byte[] body = "{\"id\": 1, \"code\": \"Test Production Order\"}".getBytes();
        try (KafkaProducer<byte[], byte[]> producer = DeadLetters.producer()) {
            for (String key : List.of("1", "2")) {
                ProducerRecord<byte[], byte[]> kept = new ProducerRecord<>(quarantine, DeadLetters.utf8(key), body);
                kept.headers().add("x-prodsmart-webhook-uuid", DeadLetters.utf8("uuid-" + key));
                kept.headers().add("crossdock.quarantine.reason", DeadLetters.utf8("stale"));
                producer.send(kept).get();
            }
        }

        OperatorRun dry = OperatorRun.onTestBroker("quarantine", "release", quarantine, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would release " + quarantine + "-0@0 key=1 to " + raw).contains("2 would be released");
        assertThat(DeadLetters.readAll(raw)).isEmpty();

        OperatorRun first = OperatorRun.onTestBroker("quarantine", "release", quarantine, "--key", "2", "--operator", "alice");
        OperatorRun rest = OperatorRun.onTestBroker("quarantine", "release", quarantine, "--operator", "alice");
        OperatorRun again = OperatorRun.onTestBroker("quarantine", "release", quarantine, "--operator", "alice");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 matched, 1 released to " + raw);
        assertThat(rest.out()).contains("2 matched, 2 released to " + raw);
        assertThat(again.out()).contains("0 matched");
        List<ConsumerRecord<byte[], byte[]>> released = DeadLetters.readAll(raw);
        // "2" by the first run, "1" and "2" by the second (another filter is another release): at most once per run
        assertThat(released).extracting(DeadLetters::key).containsExactlyInAnyOrder("2", "1", "2");
        ConsumerRecord<byte[], byte[]> one = released.stream().filter(r -> DeadLetters.key(r).equals("1")).findFirst().orElseThrow();
        assertThat(one.value()).isEqualTo(body);
        assertThat(DeadLetters.header(one, "x-prodsmart-webhook-uuid")).isEqualTo("uuid-1");
        assertThat(DeadLetters.header(one, "crossdock.quarantine.reason")).isEqualTo("stale");
        assertThat(DeadLetters.header(one, ReplayHeaders.OPERATOR)).isEqualTo("alice");
        assertThat(DeadLetters.header(one, ReplayHeaders.ORIGINAL_TOPIC)).isEqualTo(quarantine);
        assertThat(DeadLetters.readAll(quarantine)).as("the quarantine keeps its records").hasSize(2);
        assertThat(DeadLetters.readAll(Topics.OPERATOR_AUDIT)).anyMatch(r -> new String(r.value()).contains(quarantine)
                && new String(r.value()).contains("\"action\":\"quarantine-release\""));
    }

    @Test
    void refusesATopicThatIsNoQuarantine() {
        OperatorRun run = OperatorRun.onTestBroker("quarantine", "release", "crossdock.prodsmart-webhook-raw.v1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNKNOWN_TOPIC_OR_GROUP);
        assertThat(run.err()).contains("no quarantine topic");
    }

    private static void create(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(topics).stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        }
    }
}
