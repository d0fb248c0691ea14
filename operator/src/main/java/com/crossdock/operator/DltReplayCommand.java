package com.crossdock.operator;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code operator dlt replay}: dead letters back to the RETRY topic of the group that failed them, never to the
 * source topic, so sibling groups see nothing (DESIGN.md, "Consumers, retries, dead letters, replay").
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Send dead letters back to <topic>.<group>.retry (resumable: run the same command again to continue).")
final class DltReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DLT_TOPIC", description = "The dead-letter topic, <topic>.<group>.dlt")
    String topic;

    @Option(names = "--group", required = true, description = "The consumer group that failed the records")
    String group;

    @Mixin
    SendOptions send;

    @Option(names = "--max-replays", defaultValue = "3", description = "Park a record replayed this many times already (default ${DEFAULT-VALUE})")
    int maxReplays;

    @Option(names = "--replay-id", description = "Resume or name a replay (default: derived from topic, group and filter)")
    String replayId;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RecordFilter filter = filterOptions.filter();
        send.validate();
        if (maxReplays < 0) {
            throw new OperatorException(ExitCodes.USAGE, "--max-replays must not be negative");
        }
        if (!Topics.isDeadLetterTopicOf(topic, group)) {
            throw new OperatorException(ExitCodes.UNKNOWN_TOPIC_OR_GROUP, "group " + group + " has no dead letters on "
                    + topic + " (a group's dead-letter topic is " + Topics.deadLetterTopic("<topic>", group) + ")");
        }
        String id = replayId != null ? replayId : ReplayRequest.defaultReplayId(topic, group, filter, maxReplays);
        ReplayRequest request = new ReplayRequest(topic, group, filter, send.maxCount, send.rate, send.dryRun, maxReplays,
                id, send.operator);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaAccess kafka = connection.kafka();
                KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(request.positionGroup());
                KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            kafka.requireTopic(topic);
            if (!kafka.topics().contains(request.target())) {
                throw new OperatorException(ExitCodes.UNKNOWN_TOPIC_OR_GROUP, "group " + group + " has no retry topic "
                        + request.target() + ": a group listens on its source and retry topics (its ConsumerGroup declaration)");
            }
            if (!send.dryRun) {
                kafka.ensureTopic(request.parkedTopic(), TopicDeclarations.DEAD_LETTERS_KEPT);
            }
            ReplayResult result = send.send(kafka, consumer, producer, request, topic, (record, target) ->
                    out.printf("would send %s-%d@%d key=%s to %s: %s: %s%n", record.topic(), record.partition(),
                            record.offset(), record.key() == null ? "null" : RecordHeaders.utf8OrNull(record.key()), target,
                            RecordHeaders.text(record, DeadLetterHeaders.FAILURE_CLASS),
                            RecordHeaders.text(record, DeadLetterHeaders.FAILURE_MESSAGE)));
            return report(out, request, result);
        }
    }

    private int report(PrintWriter out, ReplayRequest request, ReplayResult result) {
        boolean dryRun = send.dryRun;
        out.printf("%s %s: %d matched, %d %s to %s, %d %s to %s%n", dryRun ? "dry run of replay" : "replay", result.replayId(),
                result.matched(), result.replayed(), dryRun ? "would be replayed" : "replayed", request.target(),
                result.parked(), dryRun ? "would be parked" : "parked", request.parkedTopic());
        return send.finish(spec, result, "replay");
    }
}
