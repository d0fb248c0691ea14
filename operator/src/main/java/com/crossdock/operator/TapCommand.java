package com.crossdock.operator;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code operator tap}: any topic as JSON lines on stdout. */
@Command(name = "tap", mixinStandardHelpOptions = true,
        description = "Any topic (canonical, retry, dead-letter) as JSON lines on stdout; reads without a consumer group, commits nothing.")
final class TapCommand implements Callable<Integer> {

    static final class StartOptions {
        @Option(names = "--from-beginning", description = "From the first record (the default)")
        boolean beginning;

        @Option(names = "--offset", description = "From this offset in every partition")
        Long offset;

        @Option(names = "--from-time", converter = FilterOptions.InstantConverter.class, description = "From the first record at or after this ISO-8601 time")
        Instant time;
    }

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @ArgGroup(exclusive = true)
    StartOptions start;

    @Option(names = {"-f", "--follow"}, description = "Keep reading new records until interrupted (Ctrl-C)")
    boolean follow;

    @Option(names = "--key", description = "Only records with this key (repeatable)")
    List<String> keys = new ArrayList<>();

    @Option(names = "--max-records", description = "Stop after this many records")
    Long maxRecords;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxRecords != null && maxRecords < 1 || start != null && start.offset != null && start.offset < 0) {
            throw new OperatorException(ExitCodes.USAGE, "--max-records and --offset must not be negative");
        }
        RecordFilter filter = new RecordFilter(List.copyOf(keys), List.of(), List.of(), List.of(), null, null, null, null);
        TopicScan.Start from = start == null ? TopicScan.Start.BEGINNING : new TopicScan.Start(start.offset, start.time);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaAccess kafka = connection.kafka(); KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(null)) {
            RecordJson json = new RecordJson(connection.decoder());
            kafka.requireTopic(topic);
            long[] written = {0};
            new TopicScan(consumer, kafka.partitions(topic), kafka.timeout()).scan(from, follow, record -> {
                if (filter.matches(record)) {
                    out.println(json.line(record));
                    written[0]++;
                    if (follow) {
                        out.flush();
                    }
                }
                return maxRecords == null || written[0] < maxRecords;
            });
        }
        out.flush();
        return ExitCodes.OK;
    }
}
