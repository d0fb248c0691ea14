package com.crossdock.operator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code operator dlt}: the dead-letter topics. */
@Command(name = "dlt", mixinStandardHelpOptions = true, description = "List, show and replay dead letters.",
        subcommands = {DltListCommand.class, DltShowCommand.class, DltReplayCommand.class})
final class DltCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list, show or replay");
    }
}
