package com.crossdock.operator;

import java.io.PrintWriter;
import java.time.Clock;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of a run that sends records on, resumably, with the {@link Replayer}: {@code dlt replay} and
 * {@code quarantine release}; and how such a run ends.
 */
final class SendOptions {

    @Option(names = "--max-count", defaultValue = "0", description = "Send at most this many records in this run (0: all)")
    long maxCount;

    @Option(names = "--rate", defaultValue = "0", description = "At most this many records per second (0: unthrottled)")
    double rate;

    @Option(names = "--dry-run", description = "Show what would be sent; send and commit nothing")
    boolean dryRun;

    @Option(names = "--operator", defaultValue = "${env:CROSSDOCK_OPERATOR:-${sys:user.name}}",
            description = "Who runs it, for the audit (env CROSSDOCK_OPERATOR, default the OS user)")
    String operator;

    /** A usage error (exit code 2) for a negative count or rate. */
    void validate() {
        if (maxCount < 0 || rate < 0) {
            throw new OperatorException(ExitCodes.USAGE, "--max-count and --rate must not be negative");
        }
    }

    /**
     * Sends {@code request} on from every partition of its source {@code topic} (resumably, at this run's count and
     * rate) and audits it, unless it is a dry run, whose records {@code wouldSend} shows instead.
     */
    ReplayResult send(KafkaAccess kafka, KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
            ReplayRequest request, String topic, Replayer.DryRunReport wouldSend) {
        ReplayResult result = new Replayer(consumer, producer::send, kafka.timeout(), Clock.systemUTC())
                .run(request, kafka.partitions(topic), wouldSend);
        if (!dryRun) {
            AuditLog.record(kafka, producer, request, result, Clock.systemUTC().instant());
        }
        return result;
    }

    /**
     * The exit code of a run whose summary is printed: partial (a send was not acknowledged) or ok, saying how to
     * continue a run stopped at {@code --max-count}.
     *
     * @param what the run's noun, {@code replay} or {@code release}
     */
    int finish(CommandLine.Model.CommandSpec spec, ReplayResult result, String what) {
        PrintWriter out = spec.commandLine().getOut();
        out.flush();
        if (result.error() != null) {
            spec.commandLine().getErr().printf("error: partial %s: %s%nrun the same command again to resume %s %s%n",
                    what, result.error(), what, result.replayId());
            return ExitCodes.PARTIAL_REPLAY;
        }
        if (!result.complete()) {
            out.printf("stopped at --max-count %d; run the same command again to continue %s %s%n", maxCount, what,
                    result.replayId());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
