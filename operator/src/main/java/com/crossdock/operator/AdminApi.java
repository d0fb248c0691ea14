package com.crossdock.operator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.crossdock.platform.config.Secret;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The command line over HTTP, for tools that cannot run a Job: every request runs the same picocli command
 * in-process, so the API and the CLI cannot drift apart. Query parameters are the command's options
 * ({@code ?key=a&key=b&dry-run=true}); the connection is the server's own and cannot be overridden by a caller.
 * <pre>
 * GET  /v1/dlt                       dlt list --json
 * GET  /v1/dlt/{topic}               dlt show {topic}
 * POST /v1/dlt/{topic}/replay        dlt replay {topic} (operator: the X-Operator header, prefixed "api:")
 * POST /v1/quarantine/{topic}/release  quarantine release {topic} (operator as for a replay)
 * GET  /v1/tap/{topic}               tap {topic} (--max-records 1000 unless given; never --follow)
 * </pre>
 */
final class AdminApi implements AutoCloseable {

    private static final Set<String> SERVER_OWNED = Set.of("bootstrap-servers", "registry-url", "command-config", "timeout", "operator",
            "follow", "f", "help", "h", "version", "V");

    /**
     * A topic name as Kafka allows it, not starting with '-': a path segment is a command's argument, so it must not
     * be able to read as an option ({@code --bootstrap-servers=...}) or a picocli argument file ({@code @/etc/passwd}).
     */
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,248}");
    /** An option name of the commands: lower-case words joined by '-'. */
    private static final java.util.regex.Pattern OPTION = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Secret token;
    private final List<String> connection;

    AdminApi(InetSocketAddress address, Secret token, List<String> connectionArgs) throws IOException {
        this.token = token;
        this.connection = List.copyOf(connectionArgs);
        this.server = HttpServer.create(address, 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                send(exchange, 401, problem(401, "missing or wrong bearer token", -1));
                return;
            }
            String[] path = exchange.getRequestURI().getPath().substring("/v1/".length()).split("/");
            if (path.length > 1 && !TOPIC.matcher(path[1]).matches()) {
                send(exchange, 400, problem(400, "not a topic name: letters, digits, '.', '_' and '-', not starting with '-'",
                        ExitCodes.USAGE));
                return;
            }
            List<String> args = command(exchange, path);
            if (args == null) {
                send(exchange, 404, problem(404, "no such operation: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), -1));
                return;
            }
            if (!addOptions(exchange.getRequestURI().getRawQuery(), args)) {
                send(exchange, 400, problem(400, "options are the commands' own lower-case names, and the connection and "
                        + "identity options belong to the server: " + SERVER_OWNED, ExitCodes.USAGE));
                return;
            }
            args.addAll(connection);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // no argument files: nothing a caller sends may make the server read its own files
            int code = Operator.commandLine(new PrintWriter(out), new PrintWriter(err)).setExpandAtFiles(false)
                    .execute(args.toArray(String[]::new));
            if (code == ExitCodes.OK) {
                exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
                send(exchange, 200, out.toString());
            } else {
                send(exchange, status(code), problem(status(code), err.toString().strip(), code));
            }
        }
    }

    private List<String> command(HttpExchange exchange, String[] path) {
        String method = exchange.getRequestMethod();
        List<String> args = new ArrayList<>();
        if (method.equals("GET") && path.length == 1 && path[0].equals("dlt")) {
            args.addAll(List.of("dlt", "list", "--json"));
        } else if (method.equals("GET") && path.length == 2 && path[0].equals("dlt")) {
            args.addAll(List.of("dlt", "show", path[1]));
        } else if (method.equals("POST") && path.length == 3 && path[0].equals("dlt") && path[2].equals("replay")) {
            String who = exchange.getRequestHeaders().getFirst("X-Operator");
            args.addAll(List.of("dlt", "replay", path[1], "--operator=api:" + (who == null ? "unknown" : who)));
        } else if (method.equals("POST") && path.length == 3 && path[0].equals("quarantine") && path[2].equals("release")) {
            String who = exchange.getRequestHeaders().getFirst("X-Operator");
            args.addAll(List.of("quarantine", "release", path[1], "--operator=api:" + (who == null ? "unknown" : who)));
        } else if (method.equals("GET") && path.length == 2 && path[0].equals("tap")) {
            args.addAll(List.of("tap", path[1]));
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null || !query.contains("max-records=")) {
                args.add("--max-records=1000");
            }
        } else {
            return null;
        }
        return args;
    }

    private static boolean addOptions(String query, List<String> args) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (SERVER_OWNED.contains(name) || !OPTION.matcher(name).matches()) {
                return false;
            }
            args.add(value.equals("true") ? "--" + name : "--" + name + "=" + value);
        }
        return true;
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        // constant-time: the comparison must not tell an attacker how much of the token was right
        return token.matches(header.substring("Bearer ".length()));
    }

    private static int status(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.USAGE -> 400;
            case ExitCodes.UNKNOWN_TOPIC_OR_GROUP -> 404;
            case ExitCodes.UNREACHABLE -> 503;
            default -> 500;
        };
    }

    private static String problem(int status, String detail, int exitCode) {
        return RecordJson.JSON.writeValueAsString(Map.of("type", "about:blank", "status", status, "detail", detail, "exitCode", exitCode));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status != 200) {
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream body2 = exchange.getResponseBody()) {
                body2.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
