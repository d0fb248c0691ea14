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

    /** The user {@link #startWithSasl()} knows, by PLAIN and by SCRAM-SHA-256, and its password. */
    public static final String SASL_USER = "crossdock";
    public static final String SASL_PASSWORD = "crossdock-secret";

    private final Path directory;
    private final String bootstrapServers;
    private final String saslBootstrapServers;
    private final Process process;
    private final Thread shutdownHook;

    private StandaloneKafka(Path directory, String bootstrapServers, String saslBootstrapServers, Process process) {
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
        this.process = process;
        this.shutdownHook = new Thread(this::destroy, "standalone-kafka-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Formats a fresh log directory, starts the broker and returns once it answers an admin request. */
    public static StandaloneKafka start() {
        return start(false);
    }

    /**
     * As {@link #start()}, plus a second listener as a secured cluster has one ({@link #saslBootstrapServers()}):
     * SASL_PLAINTEXT taking {@link #SASL_USER}'s PLAIN and SCRAM-SHA-256 logins (the SCRAM credential written when
     * the log directory is formatted, as {@code kafka-storage format --add-scram} does), refusing every other client.
     * The broker itself still talks over the plain listener.
     */
    public static StandaloneKafka startWithSasl() {
        return start(true);
    }

    private static StandaloneKafka start(boolean sasl) {
        try {
            Path directory = Files.createTempDirectory("crossdock-standalone-kafka");
            int brokerPort = KraftNode.freePort();
            int controllerPort = KraftNode.freePort();
            int saslPort = sasl ? KraftNode.freePort() : 0;
            Path config = KraftNode.writeConfig(directory, brokerPort, controllerPort,
                    sasl ? saslListener(brokerPort, controllerPort, saslPort) : new Properties());
            KraftNode.format(directory, config, Uuid.randomUuid().toString(), sasl
                    ? List.of("--add-scram", "SCRAM-SHA-256=[name=" + SASL_USER + ",password=" + SASL_PASSWORD + "]")
                    : List.of());
            Process process = java(directory, "broker.log", "kafka.Kafka", config.toString()).start();
            StandaloneKafka kafka = new StandaloneKafka(directory, KraftNode.LOOPBACK + ":" + brokerPort,
                    sasl ? KraftNode.LOOPBACK + ":" + saslPort : null, process);
            kafka.awaitAnswer(brokerPort);
            log.info("Standalone Kafka (pid {}) at {}", process.pid(), kafka.bootstrapServers);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a standalone Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_PLAINTEXT listener of a broker started by {@link #startWithSasl()}. */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("this broker has no SASL listener: start it with startWithSasl()");
        }
        return saslBootstrapServers;
    }

    private static Properties saslListener(int brokerPort, int controllerPort, int saslPort) {
        Properties p = new Properties();
        String loopback = KraftNode.LOOPBACK;
        p.setProperty("listeners", "PLAINTEXT://" + loopback + ":" + brokerPort + ",CONTROLLER://" + loopback + ":"
                + controllerPort + ",SASL_PLAINTEXT://" + loopback + ":" + saslPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + loopback + ":" + brokerPort + ",SASL_PLAINTEXT://"
                + loopback + ":" + saslPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        p.setProperty("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256");
        p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";");
        p.setProperty("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
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
}
