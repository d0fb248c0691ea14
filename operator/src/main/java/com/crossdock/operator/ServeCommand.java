package com.crossdock.operator;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.crossdock.platform.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code operator serve}: the admin HTTP API. Management-port rules: loopback unless told otherwise, and no start
 * without a bearer token, which comes from the environment only (never an option: options show in {@code ps}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the same operations over HTTP (bearer token from CROSSDOCK_OPERATOR_TOKEN).")
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "CROSSDOCK_OPERATOR_TOKEN";
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "9091", description = "Port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}: loopback only)")
    String bind;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String value = System.getenv(TOKEN_ENV);
        if (value == null || value.strip().length() < 16) {
            throw new OperatorException(ExitCodes.USAGE, "refusing to start: set " + TOKEN_ENV + " to a bearer token of at least 16 characters");
        }
        List<String> connectionArgs = connection.asArguments();
        try (AdminApi api = new AdminApi(new InetSocketAddress(bind, port), Secret.of(value), connectionArgs)) {
            spec.commandLine().getOut().printf("operator admin API on http://%s:%d/v1/ (Ctrl-C stops it)%n", bind, api.port());
            spec.commandLine().getOut().flush();
            log.info("admin API listening on {}:{}", bind, api.port());
            new CountDownLatch(1).await();
        }
        return ExitCodes.OK;
    }
}
