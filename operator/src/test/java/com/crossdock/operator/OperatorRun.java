package com.crossdock.operator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.testing.TestKafka;

/** Runs the command line in-process and captures what it printed and its exit code. */
record OperatorRun(int exitCode, String out, String err) {

    static OperatorRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Operator.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new OperatorRun(code, out.toString(), err.toString());
    }

    /** With {@code --bootstrap-servers} pointing at the test broker. */
    static OperatorRun onTestBroker(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bootstrap-servers=" + TestKafka.bootstrapServers());
        return run(all.toArray(String[]::new));
    }

    List<String> lines() {
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
