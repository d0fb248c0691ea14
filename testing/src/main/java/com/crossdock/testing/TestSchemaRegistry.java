package com.crossdock.testing;

import com.crossdock.platform.serde.InProcessSchemaRegistry;

/**
 * One in-process schema registry (Confluent REST API) per test JVM, keeping its schemas on the JVM's shared
 * {@link TestKafka} broker as the local stack's does.
 */
public final class TestSchemaRegistry {

    private static InProcessSchemaRegistry registry;

    private TestSchemaRegistry() {
    }

    public static synchronized String url() {
        if (registry == null) {
            registry = InProcessSchemaRegistry.start(0, TestKafka.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "test-registry-stop"));
        }
        return registry.url();
    }
}
