package com.crossdock.operator;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "serve", description = "Admin HTTP API")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL_ERROR;
    }
}
