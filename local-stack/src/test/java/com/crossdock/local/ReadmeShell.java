package com.crossdock.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crossdock.operator.Operator;

/**
 * Runs the README's shell lines the way bash would, for the few forms the README uses: single-quoted assignments,
 * the openssl HMAC line, the uuid line, {@code $(date +%s)} and {@code $(date +%F)}, {@code \"} inside double quotes,
 * {@code curl} and the operator's {@code java -jar}. A line of any other form fails, so the README cannot gain a
 * command the test does not run. The README's {@code localhost} ports (the stack's defaults) are sent to the ports the
 * test's stack chose.
 */
final class ReadmeShell {

    static final String OPERATOR = "java -jar operator/target/operator-*-exec.jar ";

    private static final Pattern ASSIGN_LITERAL = Pattern.compile("(\\w+)='([^']*)'");
    private static final Pattern ASSIGN_HMAC = Pattern.compile(
            "(\\w+)=\\$\\(printf '%s' \"\\$(\\w+)\" \\| openssl dgst -sha256 -hmac (\\S+) -hex \\| sed 's/\\^\\.\\* //'\\)");
    private static final Pattern ASSIGN_UUID = Pattern.compile(
            "(\\w+)=\\$\\(uuidgen 2>/dev/null \\|\\| cat /proc/sys/kernel/random/uuid\\)");
    private static final Pattern ASSIGN_EPOCH = Pattern.compile("(\\w+)=\\$\\(date \\+%s\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final String NOW = "$(date -u +%Y-%m-%dT%H:%M:%SZ)";
    private static final String TODAY = "$(date +%F)";

    /** What one command gave: an HTTP answer (with its headers), or the operator's exit code and output. */
    record Outcome(String command, int status, String contentType, String body, String err,
            Map<String, List<String>> headers) {

        /** The answer's first value of header {@code name} (any case); null when it has none. */
        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final Map<String, String> variables = new HashMap<>();
    private long lastEpoch;
    private final Map<String, String> hosts;
    private final String bootstrapServers;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param hosts            the README's {@code localhost:<default port>} to the running stack's {@code host:port}
     * @param bootstrapServers the stack's broker, given to the operator in place of its default
     */
    ReadmeShell(Map<String, String> hosts, String bootstrapServers) {
        this.hosts = Map.copyOf(hosts);
        this.bootstrapServers = bootstrapServers;
    }

    String variable(String name) {
        return variables.get(name);
    }

    void set(String name, String value) {
        variables.put(name, value);
    }

    /** Runs every command of a README code block, in order. */
    List<Outcome> run(String block) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String line : commands(block)) {
            Outcome outcome = runLine(line);
            if (outcome != null) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** The block's commands: continuation lines joined, trailing comments dropped. */
    static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
                continue;
            }
            current.append(line);
            String command = withoutComment(current.toString()).strip();
            if (!command.isEmpty()) {
                commands.add(command);
            }
            current.setLength(0);
        }
        return commands;
    }

    private Outcome runLine(String line) {
        Matcher matcher;
        if ((matcher = ASSIGN_LITERAL.matcher(line)).matches()) {
            variables.put(matcher.group(1), matcher.group(2));
            return null;
        }
        if ((matcher = ASSIGN_HMAC.matcher(line)).matches()) {
            variables.put(matcher.group(1), hmacSha256Hex(matcher.group(3), required(matcher.group(2))));
            return null;
        }
        if ((matcher = ASSIGN_UUID.matcher(line)).matches()) {
            // upper case, as macOS's uuidgen prints it (the ingress takes either)
            variables.put(matcher.group(1), UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
            return null;
        }
        if ((matcher = ASSIGN_EPOCH.matcher(line)).matches()) {
            // the seconds now, as date +%s prints them; never the same twice, as two lines run a second apart would be
            lastEpoch = Math.max(lastEpoch + 1, Instant.now().getEpochSecond());
            variables.put(matcher.group(1), Long.toString(lastEpoch));
            return null;
        }
        List<String> words = words(line);
        if (words.get(0).equals("curl")) {
            return curl(line, words.subList(1, words.size()));
        }
        if (line.startsWith(OPERATOR)) {
            return operator(line, words(line.substring(OPERATOR.length())));
        }
        throw new IllegalArgumentException("a README command of a form this test does not run: " + line);
    }

    private Outcome curl(String line, List<String> words) {
        String method = null;
        String url = null;
        String data = null;
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-i", "-s", "-si" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i));
                case "-d", "--data-binary" -> data = words.get(++i);
                default -> {
                    if (word.startsWith("-X")) {
                        method = word.substring(2);
                    } else if (word.startsWith("-")) {
                        throw new IllegalArgumentException("a curl option this test does not know: " + word + " in " + line);
                    } else {
                        url = stackUrl(word);
                    }
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        String verb = method != null ? method : data != null ? "POST" : "GET";
        request.method(verb, data == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(data, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(line, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.body(), "", answer.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(line + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Outcome operator(String line, List<String> words) {
        List<String> args = new ArrayList<>();
        for (String word : words) {
            args.add(stackUrl(word));
        }
        args.add("--bootstrap-servers=" + bootstrapServers);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Operator.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args.toArray(String[]::new));
        return new Outcome(line, code, "", out.toString(), err.toString(), Map.of());
    }

    /** A README {@code localhost:<port>} (with or without a scheme) at the test's stack; other words unchanged. */
    private String stackUrl(String word) {
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            for (String prefix : List.of("http://" + host.getKey(), host.getKey())) {
                if (word.startsWith(prefix)) {
                    return "http://" + host.getValue() + word.substring(prefix.length());
                }
            }
        }
        if (word.contains("localhost")) {
            throw new IllegalArgumentException("a README address that is no port of the local stack: " + word);
        }
        return word;
    }

    /** Shell words: '...' literal, "..." and bare words with $var and the date substitution expanded. */
    private List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int end = i + 1;
                while (line.charAt(end) != '"') {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                // inside double quotes, \" is a quote
                word.append(expand(line.substring(i + 1, end)).replace("\\\"", "\""));
                inWord = true;
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))
                        && line.charAt(end) != '\'' && line.charAt(end) != '"') {
                    end++;
                }
                word.append(expand(line.substring(i, end)));
                inWord = true;
                i = end;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private String expand(String text) {
        String dated = text.replace(NOW, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .replace(TODAY, LocalDate.now().toString());
        if (dated.contains("$(")) {
            throw new IllegalArgumentException("a command substitution this test does not run: " + text);
        }
        Matcher matcher = VARIABLE.matcher(dated);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(required(matcher.group(1))));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private String required(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalArgumentException("$" + name + " is used before the README sets it");
        }
        return value;
    }

    private static String withoutComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** What {@code printf '%s' "$body" | openssl dgst -sha256 -hmac KEY -hex | sed 's/^.* //'} prints. */
    static String hmacSha256Hex(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
