package com.crossdock.operator;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code operator dlt list}: every dead-letter topic with its group, depth, age and failure reasons. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every dead-letter topic (*.dlt): consumer group, depth, oldest and newest record, failure reasons.")
final class DltListCommand implements Callable<Integer> {

    /** One dead-letter topic; {@code failures} counts records per {@code crossdock.dlt.failure-class}. */
    record DeadLetterTopic(String topic, String group, long depth, Instant oldest, Instant newest, Map<String, Long> failures) {
    }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "One JSON object per topic instead of a table")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<DeadLetterTopic> topics = new ArrayList<>();
        try (KafkaAccess kafka = connection.kafka(); KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(null)) {
            for (String topic : kafka.topics().stream().filter(Topics::isDeadLetterTopic).sorted().toList()) {
                topics.add(describe(topic, kafka, consumer));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            topics.forEach(t -> out.println(RecordJson.JSON.writeValueAsString(t)));
        } else {
            out.printf("%-60s %-24s %8s  %-24s %-24s %s%n", "TOPIC", "GROUP", "DEPTH", "OLDEST", "NEWEST", "FAILURES");
            topics.forEach(t -> out.printf("%-60s %-24s %8d  %-24s %-24s %s%n", t.topic(), t.group(), t.depth(),
                    t.oldest() == null ? "-" : t.oldest(), t.newest() == null ? "-" : t.newest(), histogram(t.failures())));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static DeadLetterTopic describe(String topic, KafkaAccess kafka, KafkaConsumer<byte[], byte[]> consumer) {
        TopicScan scan = new TopicScan(consumer, kafka.partitions(topic), kafka.timeout());
        long depth = scan.bounds().values().stream().mapToLong(b -> b[1] - b[0]).sum();
        Map<String, Long> failures = new TreeMap<>();
        long[] times = {Long.MAX_VALUE, Long.MIN_VALUE};
        String[] group = {null};
        scan.scan(TopicScan.Start.BEGINNING, false, record -> {
            String failure = RecordHeaders.text(record, DeadLetterHeaders.FAILURE_CLASS);
            failures.merge(failure == null ? "(no failure header)" : failure, 1L, Long::sum);
            times[0] = Math.min(times[0], record.timestamp());
            times[1] = Math.max(times[1], record.timestamp());
            if (group[0] == null) {
                group[0] = RecordHeaders.text(record, DeadLetterHeaders.CONSUMER_GROUP);
            }
            return true;
        });
        return new DeadLetterTopic(topic, group[0] == null ? groupFromName(topic) : group[0], depth,
                times[0] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(times[0]),
                times[1] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(times[1]), failures);
    }

    /** The group when no record says it; "?" when the name does not tell. */
    static String groupFromName(String topic) {
        return Topics.deadLetterGroup(topic).orElse("?");
    }

    private static String histogram(Map<String, Long> failures) {
        StringBuilder text = new StringBuilder();
        failures.forEach((failure, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(failure.substring(failure.lastIndexOf('.') + 1)).append('=').append(count));
        return text.length() == 0 ? "-" : text.toString();
    }
}
