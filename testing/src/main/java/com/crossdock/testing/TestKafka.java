package com.crossdock.testing;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker (KRaft) per test JVM, shared by every test class in it. The switch is
 * {@code crossdock.test.kafka} (system property) or {@code CROSSDOCK_TEST_KAFKA} (environment):
 * {@code auto} (default) takes Testcontainers' {@code apache/kafka} when a Docker engine answers and the
 * in-process KRaft broker otherwise; {@code testcontainers} or {@code embedded} force one.
 */
public final class TestKafka {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static final String IMAGE = "apache/kafka:4.1.1";
    private static volatile String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start(mode());
        }
        return bootstrapServers;
    }

    private static String mode() {
        String mode = System.getProperty("crossdock.test.kafka", System.getenv("CROSSDOCK_TEST_KAFKA"));
        mode = mode == null ? "auto" : mode.toLowerCase(Locale.ROOT);
        if (mode.equals("auto")) {
            return DockerClientFactory.instance().isDockerAvailable() ? "testcontainers" : "embedded";
        }
        return mode;
    }

    private static String start(String mode) {
        if (mode.equals("testcontainers")) {
            KafkaContainer container = new KafkaContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-kafka-stop"));
            log.info("Test Kafka: Testcontainers {} at {}", IMAGE, container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        if (!mode.equals("embedded")) {
            throw new IllegalArgumentException("crossdock.test.kafka must be auto, testcontainers or embedded, not " + mode);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        log.info("Test Kafka: in-process KRaft broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }
}
