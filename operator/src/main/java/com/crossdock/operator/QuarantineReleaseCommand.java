package com.crossdock.operator;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code operator quarantine release}: quarantined webhooks ({@code <raw topic>.quarantine}: verified, but stale or
 * without a delivery id) onto their raw topic, where the provider's mapper stage maps them like any other. Each keeps
 * its key, value and headers (its delivery id, derived or not, so a duplicate is still one fact downstream) and
 * gains the replay provenance headers; resumable and audited like {@code dlt replay}, with the same machinery.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Send quarantined webhooks on to their raw topic to be mapped (resumable: run the same command again to continue).")
final class QuarantineReleaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUARANTINE_TOPIC", description = "The quarantine topic, <raw topic>.quarantine")
    String topic;

    @Mixin
    SendOptions send;

    @Option(names = "--release-id", description = "Resume or name a release (default: derived from topic and filter)")
    String releaseId;

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
        String rawTopic = Topics.releaseTopic(topic).orElseThrow(() -> new OperatorException(
                ExitCodes.UNKNOWN_TOPIC_OR_GROUP, topic + " is no quarantine topic (" + Topics.quarantineTopic("<raw topic>") + ")"));
        String id = releaseId != null ? releaseId
                : ReplayRequest.defaultReplayId(topic, ReplayRequest.RELEASE, filter, Integer.MAX_VALUE);
        ReplayRequest request = ReplayRequest.release(topic, rawTopic, filter, send.maxCount, send.rate, send.dryRun,
                id, send.operator);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaAccess kafka = connection.kafka();
                KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(request.positionGroup());
                KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            kafka.requireTopic(topic);
            kafka.requireTopic(rawTopic);
            ReplayResult result = send.send(kafka, consumer, producer, request, topic, (record, target) ->
                    out.printf("would release %s-%d@%d key=%s to %s%n", record.topic(), record.partition(),
                            record.offset(), record.key() == null ? "null" : RecordHeaders.utf8OrNull(record.key()), target));
            out.printf("%s %s: %d matched, %d %s to %s%n", send.dryRun ? "dry run of release" : "release",
                    result.replayId(), result.matched(), result.replayed(), send.dryRun ? "would be released" : "released",
                    rawTopic);
            return send.finish(spec, result, "release");
        }
    }
}
