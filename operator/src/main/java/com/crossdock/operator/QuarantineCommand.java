package com.crossdock.operator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code operator quarantine}: verified webhooks a provider keeps unmapped until an operator releases them. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "Release quarantined webhooks (stale, or without a delivery id) to their raw topic.",
        subcommands = {QuarantineReleaseCommand.class})
final class QuarantineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: release");
    }
}
