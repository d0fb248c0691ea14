package com.crossdock.operator;

import java.io.PrintWriter;
import java.time.Clock;
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

    @Option(names = "--max-count", defaultValue = "0", description = "Send at most this many records in this run (0: all)")
    long maxCount;

    @Option(names = "--rate", defaultValue = "0", description = "At most this many records per second (0: unthrottled)")
    double rate;

    @Option(names = "--dry-run", description = "Show what would be released; send and commit nothing")
    boolean dryRun;

    @Option(names = "--release-id", description = "Resume or name a release (default: derived from topic and filter)")
    String releaseId;

    @Option(names = "--operator", defaultValue = "${env:CROSSDOCK_OPERATOR:-${sys:user.name}}",
            description = "Who releases, for the audit (env CROSSDOCK_OPERATOR, default the OS user)")
    String operator;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RecordFilter filter = filterOptions.filter();
        if (maxCount < 0 || rate < 0) {
            throw new OperatorException(ExitCodes.USAGE, "--max-count and --rate must not be negative");
        }
        String rawTopic = Topics.releaseTopic(topic).orElseThrow(() -> new OperatorException(
                ExitCodes.UNKNOWN_TOPIC_OR_GROUP, topic + " is no quarantine topic (" + Topics.quarantineTopic("<raw topic>") + ")"));
        String id = releaseId != null ? releaseId
                : ReplayRequest.defaultReplayId(topic, ReplayRequest.RELEASE, filter, Integer.MAX_VALUE);
        ReplayRequest request = ReplayRequest.release(topic, rawTopic, filter, maxCount, rate, dryRun, id, operator);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaAccess kafka = connection.kafka();
                KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(request.positionGroup());
                KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            kafka.requireTopic(topic);
            kafka.requireTopic(rawTopic);
            ReplayResult result = new Replayer(consumer, producer::send, kafka.timeout(), Clock.systemUTC())
                    .run(request, kafka.partitions(topic), (record, target) -> out.printf("would release %s-%d@%d key=%s to %s%n",
                            record.topic(), record.partition(), record.offset(),
                            record.key() == null ? "null" : RecordHeaders.utf8OrNull(record.key()), target));
            if (!dryRun) {
                AuditLog.record(kafka, producer, request, result, Clock.systemUTC().instant());
            }
            out.printf("%s %s: %d matched, %d %s to %s%n", dryRun ? "dry run of release" : "release", result.replayId(),
                    result.matched(), result.replayed(), dryRun ? "would be released" : "released", rawTopic);
            out.flush();
            if (result.error() != null) {
                spec.commandLine().getErr().printf("error: partial release: %s%nrun the same command again to resume release %s%n",
                        result.error(), result.replayId());
                return ExitCodes.PARTIAL_REPLAY;
            }
            if (!result.complete()) {
                out.printf("stopped at --max-count %d; run the same command again to continue release %s%n", maxCount, result.replayId());
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
