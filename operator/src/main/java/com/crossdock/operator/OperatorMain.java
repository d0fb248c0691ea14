package com.crossdock.operator;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar operator-*-exec.jar ...}: no Spring context, just the command line. */
public final class OperatorMain {

    private OperatorMain() {
    }

    public static void main(String[] args) {
        // buffered, not auto-flushed: tap writes hundreds of thousands of lines; commands flush when they finish
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = Operator.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
