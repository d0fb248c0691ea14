package com.crossdock.operator;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.crossdock.platform.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code operator dlt show}: dead letters as JSON lines, with headers and failure details. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Dead letters as JSON lines: key, headers, failure details, value decoded from Avro (base64 when it cannot be).")
final class DltShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DLT_TOPIC", description = "The dead-letter topic, as `dlt list` shows it")
    String topic;

    @Option(names = "--group", description = "Only dead letters of this consumer group")
    String group;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many records (default ${DEFAULT-VALUE})")
    long limit;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RecordFilter filter = filterOptions.filter();
        if (limit < 1) {
            throw new OperatorException(ExitCodes.USAGE, "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaAccess kafka = connection.kafka(); KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(null)) {
            RecordJson json = new RecordJson(connection.decoder());
            kafka.requireTopic(topic);
            long[] shown = {0};
            new TopicScan(consumer, kafka.partitions(topic), kafka.timeout()).scan(TopicScan.Start.BEGINNING, false, record -> {
                if (filter.matches(record) && (group == null || group.equals(RecordHeaders.text(record, DeadLetterHeaders.CONSUMER_GROUP)))) {
                    out.println(json.line(record));
                    shown[0]++;
                }
                return shown[0] < limit;
            });
        }
        out.flush();
        return ExitCodes.OK;
    }
}
