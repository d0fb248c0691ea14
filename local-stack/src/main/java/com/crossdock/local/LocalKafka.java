package com.crossdock.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.crossdock.testing.KraftNode;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka (broker and controller) running in the launcher's JVM on a fixed port, its log
 * directory under the stack's data directory so that topics survive a restart of the stack (the services'
 * rebuild-from-Kafka can then be seen at work). A fresh directory is formatted with Kafka's storage tool.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafka start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            int brokerPort = port == 0 ? KraftNode.freePort() : port;
            Path config = directory.resolve("server.properties");
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                config = KraftNode.writeConfig(directory, brokerPort, KraftNode.freePort());
                KraftNode.format(directory, config);
            } else {
                // reuse the formatted cluster, on the port asked for now
                Properties kept = load(config);
                String controller = kept.getProperty("controller.quorum.bootstrap.servers");
                kept.setProperty("listeners", "PLAINTEXT://" + KraftNode.LOOPBACK + ":" + brokerPort
                        + ",CONTROLLER://" + controller);
                kept.setProperty("advertised.listeners", "PLAINTEXT://" + KraftNode.LOOPBACK + ":" + brokerPort);
                try (var out = Files.newBufferedWriter(config)) {
                    kept.store(out, "Crossdock local stack broker");
                }
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(load(config), false), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, KraftNode.LOOPBACK + ":" + brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Kafka broker in " + directory, e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
