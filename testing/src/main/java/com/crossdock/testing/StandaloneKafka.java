package com.crossdock.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
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
    private static final String LOOPBACK = "127.0.0.1";

    private final Path directory;
    private final String bootstrapServers;
    private final Process process;
    private final Thread shutdownHook;

    private StandaloneKafka(Path directory, String bootstrapServers, Process process) {
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.process = process;
        this.shutdownHook = new Thread(this::destroy, "standalone-kafka-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Formats a fresh log directory, starts the broker and returns once it answers an admin request. */
    public static StandaloneKafka start() {
        try {
            Path directory = Files.createTempDirectory("crossdock-standalone-kafka");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Path config = writeConfig(directory, brokerPort, controllerPort);
            format(directory, config);
            Process process = java(directory, "broker.log", "kafka.Kafka", config.toString()).start();
            StandaloneKafka kafka = new StandaloneKafka(directory, LOOPBACK + ":" + brokerPort, process);
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
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Path writeConfig(Path directory, int brokerPort, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", LOOPBACK + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", directory.resolve("data").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        Path config = directory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "Crossdock standalone test broker");
        }
        return config;
    }

    /** Kafka's own storage tool, in this JVM: its {@code execute} returns a status instead of exiting. */
    private static void format(Path directory, Path config) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(directory.resolve("format.log")), true,
                StandardCharsets.UTF_8)) {
            int status = StorageTool.execute(new String[] {"format", "-t", clusterId(), "-c", config.toString(),
                    "--standalone"}, out);
            if (status != 0) {
                throw new IllegalStateException("formatting the standalone Kafka log directory failed (" + status
                        + "); see " + directory.resolve("format.log"));
            }
        }
    }

    /** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
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
