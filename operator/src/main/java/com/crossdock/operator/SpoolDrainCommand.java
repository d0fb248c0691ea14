package com.crossdock.operator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.crossdock.platform.spool.DrainResult;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolCorruptedException;
import com.crossdock.platform.spool.SpoolOptions;
import com.crossdock.platform.spool.SpoolProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code operator spool drain DIR}: sends what a spool holds to Kafka, in order, as the service's own drainer would,
 * for a spool whose service will not come back to drain it (an ingress or poller pod scaled down while Kafka was
 * away): run it as a Job that mounts the volume. With {@code --set-aside}, sends the records Kafka had refused for
 * good instead, once the cause is fixed. The spool is locked while it runs, so it cannot race a running service.
 */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Send a spool directory's records to Kafka (the service must not be running on it).")
final class SpoolDrainCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The spool directory (crossdock.spool.directory of the service)")
    Path directory;

    @Option(names = "--set-aside", description = "Send the records Kafka refused for good instead (after fixing why)")
    boolean setAside;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new OperatorException(ExitCodes.USAGE, "no spool directory at " + directory);
        }
        PrintWriter out = spec.commandLine().getOut();
        // the services' own drain defaults: the same pipelining as a pod draining its spool
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(directory)
                .withMaxInFlight(SpoolProperties.DEFAULT_MAX_IN_FLIGHT)
                .withCommitEveryRecords(SpoolProperties.DEFAULT_COMMIT_EVERY_RECORDS).withSendTimeout(connection.timeout));
                KafkaAccess kafka = connection.kafka();
                KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            long before = setAside ? spool.setAsideDepth() : spool.depth();
            DurableSpool.Sender sender = record -> {
                java.util.concurrent.CompletableFuture<Object> ack = new java.util.concurrent.CompletableFuture<>();
                producer.send(KafkaSpoolRecords.toProducerRecord(record), (metadata, failure) -> {
                    if (failure != null) {
                        ack.completeExceptionally(failure);
                    } else {
                        ack.complete(metadata);
                    }
                });
                return ack;
            };
            DrainResult result = setAside ? spool.replaySetAside(sender) : spool.drain(sender);
            out.printf("%d of %d %s sent; %d left in the spool, %d set aside%n", result.delivered(), before,
                    setAside ? "set-aside records" : "records", spool.depth(), spool.setAsideDepth());
            out.flush();
            if (!result.succeeded()) {
                throw new OperatorException(result.failure() instanceof SpoolCorruptedException ? ExitCodes.INTERNAL_ERROR
                        : ExitCodes.UNREACHABLE, "the drain stopped: " + result.failure()
                        + " (run the same command again to resume)");
            }
            return ExitCodes.OK;
        }
    }
}
