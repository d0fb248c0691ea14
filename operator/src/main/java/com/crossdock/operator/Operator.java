package com.crossdock.operator;

import java.io.PrintWriter;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code operator}: dead letters, quarantined webhooks and topics for SREs and analysts. */
@Command(name = "operator", mixinStandardHelpOptions = true, version = "crossdock operator 0.1",
        description = "Crossdock's dead-letter and topic tool.",
        subcommands = {DltCommand.class, QuarantineCommand.class, TapCommand.class, SpoolCommand.class, SchemasCommand.class,
                ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:internal error", "2:usage or bad argument", "3:unknown topic or group",
                "4:broker or schema registry unreachable", "5:partial replay (run the same command again to resume)"})
public final class Operator implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: dlt, quarantine, tap, spool, schemas or serve");
    }

    /** The command line, writing to {@code out} and {@code err}; tests and the admin API run it in-process. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Operator());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            int code = exitCode(ex);
            String message = ex instanceof AuthenticationException refused
                    ? KafkaAccess.refused("the broker", refused).getMessage() : ex.getMessage();
            cmd.getErr().println("error: " + (message == null ? ex.getClass().getName() : message));
            if (code == ExitCodes.USAGE) {
                cmd.getErr().println("see: " + cmd.getCommandSpec().qualifiedName() + " --help");
            }
            return code;
        });
        return line;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof OperatorException operator) {
            return operator.exitCode();
        }
        if (ex instanceof TimeoutException) {
            return ExitCodes.UNREACHABLE;
        }
        if (ex instanceof AuthenticationException) {
            // wrong credentials or an untrusted certificate (--command-config): trying again cannot help
            return ExitCodes.USAGE;
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
