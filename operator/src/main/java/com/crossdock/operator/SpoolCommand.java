package com.crossdock.operator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code operator spool}: a service's spool directory left behind (a removed pod's volume). */
@Command(name = "spool", mixinStandardHelpOptions = true,
        description = "Drain a spool directory a service left behind.", subcommands = {SpoolDrainCommand.class})
final class SpoolCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: drain");
    }
}
