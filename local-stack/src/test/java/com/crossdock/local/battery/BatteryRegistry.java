package com.crossdock.local.battery;

import java.util.concurrent.CountDownLatch;

import com.crossdock.platform.serde.InProcessSchemaRegistry;

/**
 * The fault battery's schema registry in a process of its own (so that stopping it is real): the platform's
 * in-process registry, its schemas kept on the broker as the local stack keeps them, on a fixed port.
 * Arguments: port, bootstrap servers. Runs until killed.
 */
public final class BatteryRegistry {

    private BatteryRegistry() {
    }

    public static void main(String[] args) throws InterruptedException {
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.start(Integer.parseInt(args[0]), args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "registry-stop"));
        new CountDownLatch(1).await();
    }
}
