package com.crossdock.testing;

import com.crossdock.platform.serde.InProcessSchemaRegistry;

/** One in-process schema registry (Confluent REST API) per test JVM. */
public final class TestSchemaRegistry {

    private static InProcessSchemaRegistry registry;

    private TestSchemaRegistry() {
    }

    public static synchronized String url() {
        if (registry == null) {
            registry = InProcessSchemaRegistry.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "test-registry-stop"));
        }
        return registry.url();
    }
}
