package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.SpoolOptions;
import com.crossdock.platform.spool.SpoolRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 4: a spool left behind by a pod that will not come back (scaled down while Kafka was away) is
 * drained by {@code operator spool drain DIR}, run as a Job on its volume; {@code --set-aside} sends the records Kafka
 * had refused for good once that is fixed.
 */
class SpoolDrainCommandTest {

    @TempDir
    Path directory;

    @Test
    void drainsALeftOverSpoolInOrderAndThenItsSetAsideRecords() throws Exception {
        String topic = "crossdock.spool-drain-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(directory))) {
            for (String value : List.of("first", "second", "refused", "third")) {
                spool.append(new SpoolRecord(topic, "one-key".getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            // the service's drain had set one record aside before the pod went away, and sent nothing else
            spool.drain(record -> new String(record.value(), StandardCharsets.UTF_8).equals("refused")
                    ? CompletableFuture.failedFuture(new RecordTooLargeException("too large"))
                    : CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("broker away")));
        }
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(directory))) {
            assertThat(spool.depth()).isEqualTo(4);
        }

        OperatorRun drained = OperatorRun.onTestBroker("spool", "drain", directory.toString());

        assertThat(drained.exitCode()).as(drained.err()).isZero();
        assertThat(drained.out()).contains("4 of 4 records sent; 0 left in the spool, 0 set aside");
        assertThat(values(topic)).containsExactly("first", "second", "refused", "third");
    }

    @Test
    void sendsTheSetAsideRecordsOnRequest() throws Exception {
        String topic = "crossdock.spool-aside-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try (DurableSpool spool = DurableSpool.open(SpoolOptions.defaults(directory))) {
            spool.append(new SpoolRecord(topic, null, "large".getBytes(StandardCharsets.UTF_8)));
            spool.drain(record -> CompletableFuture.failedFuture(new RecordTooLargeException("too large")));
            assertThat(spool.setAsideDepth()).isEqualTo(1);
        }

        OperatorRun replayed = OperatorRun.onTestBroker("spool", "drain", directory.toString(), "--set-aside");

        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).contains("1 of 1 set-aside records sent; 0 left in the spool, 0 set aside");
        assertThat(values(topic)).containsExactly("large");
    }

    @Test
    void refusesADirectoryThatIsNotThere() {
        OperatorRun run = OperatorRun.onTestBroker("spool", "drain", directory.resolve("nothing").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no spool directory");
    }

    private static List<String> values(String topic) {
        return DeadLetters.readAll(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
