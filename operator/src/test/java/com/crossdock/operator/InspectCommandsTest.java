package com.crossdock.operator;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.crossdock.platform.serde.AvroSerializer;
import com.crossdock.platform.serde.RestSchemaRegistryClient;
import com.crossdock.testing.TestSchemaRegistry;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code dlt list}, {@code dlt show} and {@code tap}: reading without changing anything. */
class InspectCommandsTest {

    private static final Schema ARTICLE = SchemaBuilder.record("Article").namespace("com.example").fields()
            .requiredString("code").requiredInt("quantity").endRecord();

    @Test
    void listShowsEachDeadLetterTopicWithGroupDepthAndFailureHistogram() throws Exception {
        DeadLetters topics = DeadLetters.create("list", 2);
        topics.send(List.of(topics.deadLetter("a", new byte[] {1}, "com.x.VendorCallException", Map.of()),
                topics.deadLetter("b", new byte[] {2}, "com.x.VendorCallException", Map.of()),
                topics.deadLetter("c", new byte[] {3}, "com.crossdock.platform.kafka.PoisonRecordException", Map.of())));

        OperatorRun table = OperatorRun.onTestBroker("dlt", "list");
        OperatorRun json = OperatorRun.onTestBroker("dlt", "list", "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.lines()).anyMatch(line -> line.startsWith(topics.dlt) && line.contains(topics.group)
                && line.contains(" 3 ") && line.contains("PoisonRecordException=1, VendorCallException=2"));
        JsonNode mine = json.lines().stream().map(RecordJson.JSON::readTree)
                .filter(node -> node.get("topic").asString().equals(topics.dlt)).findFirst().orElseThrow();
        assertThat(mine.get("depth").asLong()).isEqualTo(3);
        assertThat(mine.get("group").asString()).isEqualTo(topics.group);
        assertThat(mine.get("failures").get("com.x.VendorCallException").asLong()).isEqualTo(2);
        assertThat(mine.get("oldest").isNull()).isFalse();
    }

    @Test
    void showDecodesAvroValuesAndShowsUndecodableOnesAsBase64WithAReason() throws Exception {
        DeadLetters topics = DeadLetters.create("show", 1);
        topics.send(List.of(topics.deadLetter("good", avro(topics.dlt, "A-1", 5), "com.x.VendorCallException", Map.of()),
                topics.deadLetter("poison", new byte[] {0x13, 0x37}, "com.x.PoisonRecordException", Map.of())));

        OperatorRun run = OperatorRun.onTestBroker("dlt", "show", topics.dlt, "--registry-url", TestSchemaRegistry.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> records = run.lines().stream().map(RecordJson.JSON::readTree).toList();
        assertThat(records).hasSize(2);
        JsonNode good = records.get(0);
        assertThat(good.get("key").asString()).isEqualTo("good");
        assertThat(good.get("value").get("code").asString()).isEqualTo("A-1");
        assertThat(good.get("value").get("quantity").asInt()).isEqualTo(5);
        assertThat(good.get("failure").get("class").asString()).isEqualTo("com.x.VendorCallException");
        assertThat(good.get("failure").get("message").asString()).isEqualTo("vendor refused good");
        assertThat(good.get("headers").findValuesAsString("name")).contains("crossdock.dlt.failure-class", "x-original");
        JsonNode poison = records.get(1);
        assertThat(poison.get("valueBase64").asString()).isEqualTo("Ezc=");
        assertThat(poison.get("valueNote").asString()).startsWith("not decoded:");
    }

    @Test
    void showFiltersByKeyFailureClassAndOffset() throws Exception {
        DeadLetters topics = DeadLetters.create("showfilter", 1);
        topics.send(List.of(topics.deadLetter("a", new byte[] {1}, "com.x.VendorCallException", Map.of()),
                topics.deadLetter("b", new byte[] {2}, "com.x.PoisonRecordException", Map.of()),
                topics.deadLetter("c", new byte[] {3}, "com.x.VendorCallException", Map.of())));

        OperatorRun run = OperatorRun.onTestBroker("dlt", "show", topics.dlt, "--failure-class", "VendorCallException", "--from-offset", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(1).first().asString().contains("\"key\":\"c\"").contains("\"valueNote\":\"not decoded: no --registry-url given\"");
    }

    @Test
    void tapReadsAnyTopicFromAnOffsetWithAKeyFilter() throws Exception {
        DeadLetters topics = DeadLetters.create("tap", 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(new ProducerRecord<>(topics.source, DeadLetters.utf8(i % 2 == 0 ? "even" : "odd"), avro(topics.source, "C-" + i, i)));
        }
        topics.send(records);

        OperatorRun run = OperatorRun.onTestBroker("tap", topics.source, "--offset", "2", "--key", "even", "--registry-url", TestSchemaRegistry.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).extracting(line -> RecordJson.JSON.readTree(line).get("value").get("code").asString())
                .containsExactly("C-2", "C-4");
    }

    @Test
    void tapFollowsNewRecordsUntilMaxRecords() throws Exception {
        DeadLetters topics = DeadLetters.create("follow", 1);
        topics.send(List.of(new ProducerRecord<>(topics.source, DeadLetters.utf8("k"), DeadLetters.utf8("first"))));

        CompletableFuture<OperatorRun> tap = CompletableFuture.supplyAsync(() -> OperatorRun.onTestBroker("tap", topics.source, "--follow", "--max-records", "2"));
        try (KafkaProducer<byte[], byte[]> producer = DeadLetters.producer()) {
            await().untilAsserted(() -> {
                producer.send(new ProducerRecord<>(topics.source, DeadLetters.utf8("k"), DeadLetters.utf8("later"))).get();
                assertThat(tap).isDone();
            });
        }

        OperatorRun run = tap.join();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("\"valueText\":\"first\"");
        assertThat(run.lines().get(1)).contains("\"valueText\":\"later\"");
    }

    @Test
    void tapOfAnUnknownTopicIsExitCode3AndAnUnreachableRegistryExitCode4() {
        OperatorRun unknown = OperatorRun.onTestBroker("tap", "crossdock.no-such-topic.v9");
        OperatorRun registry = OperatorRun.onTestBroker("tap", "crossdock.no-such-topic.v9", "--registry-url", "http://127.0.0.1:1", "--timeout", "2s");

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.UNKNOWN_TOPIC_OR_GROUP);
        assertThat(unknown.err()).contains("unknown topic: crossdock.no-such-topic.v9");
        assertThat(registry.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(registry.err()).contains("schema registry at http://127.0.0.1:1 unreachable");
    }

    @Test
    void aRegistryUrlThatIsNotTheConfluentApisRootIsExitCode2NamingApicuriosPath() throws Exception {
        // Apicurio, as docker-compose runs it: the Confluent REST API under /apis/ccompat/v7, 404 at the root
        HttpServer apicurio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        apicurio.createContext("/", exchange -> {
            boolean api = exchange.getRequestURI().getPath().equals("/apis/ccompat/v7/subjects");
            byte[] body = (api ? "[]" : "{\"error_code\":404}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(api ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        apicurio.start();
        try {
            String root = "http://127.0.0.1:" + apicurio.getAddress().getPort();

            OperatorRun wrong = OperatorRun.onTestBroker("tap", "crossdock.no-such-topic.v9", "--registry-url", root);
            OperatorRun right = OperatorRun.onTestBroker("tap", "crossdock.no-such-topic.v9", "--registry-url",
                    root + "/apis/ccompat/v7");

            assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(wrong.err()).contains("not the root of the Confluent REST API",
                    "use --registry-url " + root + "/apis/ccompat/v7");
            // the right URL passes the check: what fails next is the topic
            assertThat(right.exitCode()).as(right.err()).isEqualTo(ExitCodes.UNKNOWN_TOPIC_OR_GROUP);
        } finally {
            apicurio.stop(0);
        }
    }

    private static byte[] avro(String topic, String code, int quantity) {
        GenericRecord record = new GenericData.Record(ARTICLE);
        record.put("code", code);
        record.put("quantity", quantity);
        return new AvroSerializer(new RestSchemaRegistryClient(TestSchemaRegistry.url()), true, false).serialize(topic, record);
    }
}
