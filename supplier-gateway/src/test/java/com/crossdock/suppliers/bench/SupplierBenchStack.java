package com.crossdock.suppliers.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.testkit.SandboxServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: what {@code bench/suppliers.sh} runs the gateway against, in a JVM of its own so the gateway's memory is
 * measured alone: an in-process KRaft broker, the schema registry and the supplier sandboxes (BusMarket's quota lifted:
 * the benchmark asks far more often than a workshop). Writes {@code kafka=}, {@code registry=} and {@code sandbox=}
 * to the file named by its argument once everything is up, then runs until killed.
 */
public final class SupplierBenchStack {

    private SupplierBenchStack() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(0);
        SandboxServer sandbox = SandboxServer.start("--sandboxes.suppliers.busmarket.rate-limit=1000000000",
                "--logging.level.root=WARN");
        Files.writeString(Path.of(args[0]), "kafka=" + broker.getBrokersAsString() + "\nregistry=" + registry.url()
                + "\nsandbox=" + sandbox.url() + "\n");
        new CountDownLatch(1).await();
    }
}
