package com.crossdock.operator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code operator schemas}: the registry's side of the build's schema governance. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "Register the canonical events' schemas and their compatibility rule.",
        subcommands = {SchemasRegisterCommand.class})
final class SchemasCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: register");
    }
}
