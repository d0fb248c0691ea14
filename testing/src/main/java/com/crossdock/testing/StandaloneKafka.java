package com.crossdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) in a child JVM, for the tests that need
 * Kafka to become really unavailable: {@link #pause()} stops the process ({@code SIGSTOP}), so clients see
 * requests time out exactly as with a hung broker, and {@link #resume()} lets it go on. It runs the Kafka jars
 * already on the test classpath ({@code org.apache.kafka:kafka_2.13}, brought by spring-kafka-test). It costs
 * a few seconds to start: use the shared {@link TestKafka} broker for everything else.
 */
public final class StandaloneKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** The user {@link #startSecured()} knows, by PLAIN and by SCRAM-SHA-256, and its password. */
    public static final String SASL_USER = "crossdock";
    public static final String SASL_PASSWORD = "crossdock-secret";
    /** The scope an OAUTHBEARER token must carry ({@code unsecuredLoginStringClaim_scope}) for the broker to take it. */
    public static final String OAUTH_SCOPE = "crossdock";
    /** The password of the broker's key store and of {@link #trustStore()} (both PKCS12). */
    public static final String TLS_PASSWORD = "crossdock-tls";

    private final Path directory;
    private final String bootstrapServers;
    private final Map<String, String> securedListeners;
    private final Process process;
    private final Thread shutdownHook;

    private StandaloneKafka(Path directory, String bootstrapServers, Map<String, String> securedListeners, Process process) {
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.securedListeners = securedListeners;
        this.process = process;
        this.shutdownHook = new Thread(this::destroy, "standalone-kafka-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Formats a fresh log directory, starts the broker and returns once it answers an admin request. */
    public static StandaloneKafka start() {
        return start(false);
    }

    /**
     * As {@link #start()}, plus the listeners a secured cluster has, all refusing a client without the right
     * credentials: SASL_PLAINTEXT ({@link #saslBootstrapServers()}) and SASL_SSL ({@link #saslSslBootstrapServers()})
     * taking {@link #SASL_USER}'s PLAIN and SCRAM-SHA-256 logins (the SCRAM credential written when the log directory
     * is formatted, as {@code kafka-storage format --add-scram} does) and OAUTHBEARER tokens (Kafka's built-in
     * unsecured JWS validator: a well-formed token with a {@code sub} claim and the scope {@link #OAUTH_SCOPE}, such as
     * {@code OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="crossdock"
     * unsecuredLoginStringClaim_scope="crossdock";} makes), and SSL
     * ({@link #sslBootstrapServers()}), TLS only. The TLS listeners present a certificate for 127.0.0.1 made for this
     * broker by the JDK's keytool, which only {@link #trustStore()} trusts. The broker itself still talks over the
     * plain listener.
     */
    public static StandaloneKafka startSecured() {
        return start(true);
    }

    private static StandaloneKafka start(boolean secured) {
        try {
            Path directory = Files.createTempDirectory("crossdock-standalone-kafka");
            int brokerPort = KraftNode.freePort();
            int controllerPort = KraftNode.freePort();
            Map<String, String> listeners = new LinkedHashMap<>();
            if (secured) {
                for (String protocol : List.of("SASL_PLAINTEXT", "SSL", "SASL_SSL")) {
                    listeners.put(protocol, KraftNode.LOOPBACK + ":" + KraftNode.freePort());
                }
                Tls.brokerKeyStoreAndTrustStore(directory);
            }
            Path config = KraftNode.writeConfig(directory, brokerPort, controllerPort,
                    secured ? securedListeners(directory, brokerPort, controllerPort, listeners) : new Properties());
            KraftNode.format(directory, config, Uuid.randomUuid().toString(), secured
                    ? List.of("--add-scram", "SCRAM-SHA-256=[name=" + SASL_USER + ",password=" + SASL_PASSWORD + "]")
                    : List.of());
            Process process = java(directory, "broker.log", "kafka.Kafka", config.toString()).start();
            StandaloneKafka kafka = new StandaloneKafka(directory, KraftNode.LOOPBACK + ":" + brokerPort, listeners, process);
            kafka.awaitAnswer(brokerPort);
            log.info("Standalone Kafka (pid {}) at {}, secured listeners {}", process.pid(), kafka.bootstrapServers, listeners);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a standalone Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_PLAINTEXT listener of a broker started by {@link #startSecured()}. */
    public String saslBootstrapServers() {
        return securedListener("SASL_PLAINTEXT");
    }

    /** The SSL listener (TLS, no SASL) of a broker started by {@link #startSecured()}. */
    public String sslBootstrapServers() {
        return securedListener("SSL");
    }

    /** The SASL_SSL listener (SASL over TLS) of a broker started by {@link #startSecured()}. */
    public String saslSslBootstrapServers() {
        return securedListener("SASL_SSL");
    }

    /** The PKCS12 trust store (password {@link #TLS_PASSWORD}) holding the certificate of the TLS listeners. */
    public Path trustStore() {
        securedListener("SSL");
        return directory.resolve(Tls.TRUST_STORE);
    }

    private String securedListener(String protocol) {
        String address = securedListeners.get(protocol);
        if (address == null) {
            throw new IllegalStateException("this broker has no " + protocol + " listener: start it with startSecured()");
        }
        return address;
    }

    private static Properties securedListeners(Path directory, int brokerPort, int controllerPort, Map<String, String> listeners) {
        Properties p = new Properties();
        String loopback = KraftNode.LOOPBACK;
        StringBuilder all = new StringBuilder("PLAINTEXT://" + loopback + ":" + brokerPort);
        StringBuilder protocolMap = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        listeners.forEach((protocol, address) -> {
            all.append(',').append(protocol).append("://").append(address);
            protocolMap.append(',').append(protocol).append(':').append(protocol);
        });
        p.setProperty("listeners", all + ",CONTROLLER://" + loopback + ":" + controllerPort);
        p.setProperty("advertised.listeners", all.toString());
        p.setProperty("listener.security.protocol.map", protocolMap.toString());
        p.setProperty("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,OAUTHBEARER");
        for (String listener : List.of("sasl_plaintext", "sasl_ssl")) {
            String prefix = "listener.name." + listener + ".";
            p.setProperty(prefix + "plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";");
            p.setProperty(prefix + "scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            // the default server callback handler validates unsecured JWS tokens (alg none), takes sub as the principal
            // and, told so here, refuses a token without the scope OAUTH_SCOPE
            p.setProperty(prefix + "oauthbearer.sasl.jaas.config",
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                            + " unsecuredLoginStringClaim_sub=\"broker\" unsecuredValidatorRequiredScope=\"" + OAUTH_SCOPE + "\";");
        }
        p.setProperty("ssl.keystore.type", "PKCS12");
        p.setProperty("ssl.keystore.location", directory.resolve(Tls.KEY_STORE).toString());
        p.setProperty("ssl.keystore.password", TLS_PASSWORD);
        p.setProperty("ssl.key.password", TLS_PASSWORD);
        p.setProperty("ssl.client.auth", "none");
        return p;
    }

    /** Freezes the broker process: connections stay open, but nothing is answered until {@link #resume()}. */
    public void pause() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    /** Stops the broker and deletes its log directory. */
    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting and runs the hook itself
        }
    }

    private void destroy() {
        if (process.isAlive()) {
            // a stopped process only handles SIGTERM once it runs again
            signal("-CONT");
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        deleteRecursively(directory);
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the broker", e);
        }
    }

    private void awaitAnswer(int brokerPort) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            // first the port (cheap, and no client logs a refused connection), then a real admin request
            while (!accepts(brokerPort)) {
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the standalone Kafka broker exited with " + process.exitValue());
                }
                checkDeadline(deadline);
            }
            Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            try (Admin admin = Admin.create(config)) {
                while (true) {
                    try {
                        // the call itself waits (up to its timeout) for the broker, so this loop needs no sleep
                        admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
                        return;
                    } catch (ExecutionException | TimeoutException notYet) {
                        checkDeadline(deadline);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (RuntimeException e) {
            String log = tail(directory.resolve("broker.log"));
            destroy();
            throw new IllegalStateException(e.getMessage() + "; the broker's last words:\n" + log, e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void checkDeadline(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the standalone Kafka broker did not answer within " + START_TIMEOUT);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(KraftNode.LOOPBACK, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static ProcessBuilder java(Path directory, String logFile, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(logFile).toFile());
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.getMessage());
        }
    }

    /** The broker's TLS material, made with the JDK's keytool as an operator would: a self-signed certificate. */
    private static final class Tls {

        static final String KEY_STORE = "broker.p12";
        static final String TRUST_STORE = "truststore.p12";

        static void brokerKeyStoreAndTrustStore(Path directory) throws IOException {
            keytool(directory, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:" + KraftNode.LOOPBACK + ",dns:localhost", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", KEY_STORE, "-storepass", TLS_PASSWORD, "-keypass", TLS_PASSWORD);
            keytool(directory, "-exportcert", "-alias", "broker", "-rfc", "-file", "broker.pem",
                    "-storetype", "PKCS12", "-keystore", KEY_STORE, "-storepass", TLS_PASSWORD);
            keytool(directory, "-importcert", "-noprompt", "-alias", "crossdock-test-broker", "-file", "broker.pem",
                    "-storetype", "PKCS12", "-keystore", TRUST_STORE, "-storepass", TLS_PASSWORD);
        }

        private static void keytool(Path directory, String... arguments) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(arguments));
            Path output = directory.resolve("keytool.log");
            Process keytool = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            try {
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    keytool.destroyForcibly();
                    throw new IllegalStateException("keytool " + arguments[0] + " failed: " + tail(output));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running keytool", e);
            }
        }
    }
}
