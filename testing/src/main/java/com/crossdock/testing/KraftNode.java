package com.crossdock.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The configuration of a single-node KRaft Kafka (combined broker and controller) on loopback, and the
 * formatting of its log directory with Kafka's own storage tool: shared by {@link StandaloneKafka} (a child
 * JVM) and the local stack (in process).
 */
public final class KraftNode {

    public static final String LOOPBACK = "127.0.0.1";

    private KraftNode() {
    }

    public static Path writeConfig(Path directory, int brokerPort, int controllerPort) throws IOException {
        return writeConfig(directory, brokerPort, controllerPort, new Properties());
    }

    /** The configuration with {@code extra} added (or replacing what it names): an extra listener, say. */
    static Path writeConfig(Path directory, int brokerPort, int controllerPort, Properties extra) throws IOException {
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
        p.putAll(extra);
        Path config = directory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "Crossdock standalone test broker");
        }
        return config;
    }

    /** Kafka's own storage tool, in this JVM, with a fresh cluster id. */
    public static void format(Path directory, Path config) throws IOException {
        format(directory, config, Uuid.randomUuid().toString(), List.of());
    }

    /**
     * Kafka's own storage tool, in this JVM: its {@code execute} returns a status instead of exiting. The cluster
     * id is passed as one {@code --cluster-id=} token: a URL-safe base64 id may start with {@code -}, which the
     * argument parser would otherwise take for an option (and answer 1).
     */
    static void format(Path directory, Path config, String clusterId) throws IOException {
        format(directory, config, clusterId, List.of());
    }

    /** As {@link #format(Path, Path, String)}, with more of the tool's arguments ({@code --add-scram ...}). */
    static void format(Path directory, Path config, String clusterId, List<String> extraArguments) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(directory.resolve("format.log")), true,
                StandardCharsets.UTF_8)) {
            List<String> arguments = new ArrayList<>(List.of("format",
                    "--cluster-id=" + clusterId, "--config=" + config, "--standalone"));
            arguments.addAll(extraArguments);
            int status = StorageTool.execute(arguments.toArray(String[]::new), out);
            if (status != 0) {
                throw new IllegalStateException("formatting the standalone Kafka log directory failed (" + status
                        + "); see " + directory.resolve("format.log"));
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

}
