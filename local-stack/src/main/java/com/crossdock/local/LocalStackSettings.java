package com.crossdock.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack listens and the demo credentials it runs with; each can be overridden from the
 * environment (names in {@link #fromEnvironment}). Port 0 means any free port (the tests use that).
 */
public record LocalStackSettings(
        int kafkaPort,
        int registryPort,
        int sandboxPort,
        int ingressPort,
        int paqtanaPublisherPort,
        int prodsmartPollerPort,
        String webhookSecret,
        String paqtanaToken,
        Path dataDir,
        java.util.Set<String> services) {

    /** The services the stack embeds unless CROSSDOCK_LOCAL_SERVICES names fewer (the benchmark runs them apart). */
    public static final java.util.Set<String> ALL_SERVICES = java.util.Set.of("ingress-webhooks", "paqtana-publisher",
            "prodsmart-poller");

    public static final String DEMO_WEBHOOK_SECRET = "prodsmart-demo-secret";
    public static final String DEMO_PAQTANA_TOKEN = "paqtana-demo-token";

    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        return new LocalStackSettings(
                port(env, "CROSSDOCK_KAFKA_PORT", 9092),
                port(env, "CROSSDOCK_REGISTRY_PORT", 8081),
                port(env, "CROSSDOCK_SANDBOX_PORT", 8090),
                port(env, "CROSSDOCK_INGRESS_PORT", 8080),
                port(env, "CROSSDOCK_PAQTANA_PUBLISHER_PORT", 8082),
                port(env, "CROSSDOCK_PRODSMART_POLLER_PORT", 8083),
                env.getOrDefault("CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET", DEMO_WEBHOOK_SECRET),
                // the relaxed-binding name of the publisher's crossdock.vendors.paqtana.auth.token
                env.getOrDefault("CROSSDOCK_VENDORS_PAQTANA_AUTH_TOKEN", DEMO_PAQTANA_TOKEN),
                Path.of(env.getOrDefault("CROSSDOCK_DATA_DIR", ".local")),
                services(env.get("CROSSDOCK_LOCAL_SERVICES")));
    }

    /** Every port chosen freely, data in the given directory: for tests. */
    public static LocalStackSettings ephemeral(Path dataDir) {
        return new LocalStackSettings(0, 0, 0, 0, 0, 0, DEMO_WEBHOOK_SECRET, DEMO_PAQTANA_TOKEN, dataDir, ALL_SERVICES);
    }

    private static java.util.Set<String> services(String list) {
        if (list == null) {
            return ALL_SERVICES;
        }
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String name : list.split(",")) {
            String service = name.trim();
            if (service.isEmpty()) {
                continue;
            }
            if (!ALL_SERVICES.contains(service)) {
                throw new IllegalArgumentException("CROSSDOCK_LOCAL_SERVICES: unknown service \"" + service
                        + "\"; known: " + ALL_SERVICES);
            }
            chosen.add(service);
        }
        return chosen;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not \"" + value + "\"", e);
        }
    }
}
