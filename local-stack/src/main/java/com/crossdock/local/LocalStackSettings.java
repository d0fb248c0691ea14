package com.crossdock.local;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The launcher's own settings ({@code crossdock.local.*}): where the local stack listens, where it keeps its data,
 * which services it embeds, and the demo credentials that both the sandboxes accept and the services send. Like any
 * setting they come from the environment in relaxed form ({@code crossdock.local.kafka-port} ->
 * {@code CROSSDOCK_LOCAL_KAFKA_PORT}), or from a {@code -D} system property. Port 0 means any free port (the tests use
 * that).
 *
 * @param kafkaPort           the broker's client port
 * @param registryPort        the schema registry's port (Confluent REST API)
 * @param sandboxPort         the vendor sandboxes' port
 * @param ingressPort         ingress-webhooks' port
 * @param paqtanaPublisherPort paqtana-publisher's port (actuator)
 * @param prodsmartPollerPort prodsmart-poller's port (actuator)
 * @param dataDir             where the broker's log and the services' spools live between runs
 * @param services            the services to embed, of ingress-webhooks, paqtana-publisher, prodsmart-poller,
 *                            serpi-sync, order-bridge and supplier-gateway
 *                            (default all; empty: none, the benchmark starts them in their own JVMs)
 * @param paqtanaToken        the Bearer token the Paqtana sandbox accepts and paqtana-publisher sends
 * @param prodsmartApiKey     the Prodsmart company's API key the sandbox accepts and prodsmart-poller sends
 * @param prodsmartApiSecret  the Prodsmart company's API secret: the poller's Basic password, and, as at Prodsmart,
 *                            the key the sandbox signs webhooks with and the ingress verifies them with
 * @param serpiSyncPort       serpi-sync's port (actuator, {@code POST /admin/serpi/reconciliation})
 * @param serpiToken          the SERPI Bearer token the sandbox accepts and serpi-sync sends
 * @param serpiSecretKey      the {@code secretkey} that belongs to that token
 * @param supplierGatewayPort supplier-gateway's port (its API and actuator)
 * @param orderBridgePort     order-bridge's port (actuator)
 * @param baselinkerToken     the BaseLinker API token ({@code X-BLToken}) the sandbox accepts and order-bridge sends
 * @param optimakersApiKey    the Optimakers employee's API key the sandbox accepts and order-bridge sends
 * @param optimakersWebhookToken the Optimakers webhooks' security token: the sandbox sends it, the ingress checks it
 * @param adminToken          every service's {@code crossdock.admin.token}: the bearer token its {@code /admin/} routes
 *                            ask for ({@code POST /admin/prodsmart/reconciliation})
 */
@ConfigurationProperties(LocalStackSettings.PREFIX)
public record LocalStackSettings(
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("8081") int registryPort,
        @DefaultValue("8090") int sandboxPort,
        @DefaultValue("8080") int ingressPort,
        @DefaultValue("8082") int paqtanaPublisherPort,
        @DefaultValue("8083") int prodsmartPollerPort,
        @DefaultValue(".local") Path dataDir,
        Set<String> services,
        @DefaultValue(DEMO_PAQTANA_TOKEN) Secret paqtanaToken,
        @DefaultValue(DEMO_PRODSMART_API_KEY) Secret prodsmartApiKey,
        @DefaultValue(DEMO_PRODSMART_API_SECRET) Secret prodsmartApiSecret,
        @DefaultValue("8084") int serpiSyncPort,
        @DefaultValue(DEMO_SERPI_TOKEN) Secret serpiToken,
        @DefaultValue(DEMO_SERPI_SECRET_KEY) Secret serpiSecretKey,
        @DefaultValue("8086") int supplierGatewayPort,
        @DefaultValue("8085") int orderBridgePort,
        @DefaultValue(DEMO_BASELINKER_TOKEN) Secret baselinkerToken,
        @DefaultValue(DEMO_OPTIMAKERS_API_KEY) Secret optimakersApiKey,
        @DefaultValue(DEMO_OPTIMAKERS_WEBHOOK_TOKEN) Secret optimakersWebhookToken,
        @DefaultValue(DEMO_ADMIN_TOKEN) Secret adminToken) {

    static final String PREFIX = "crossdock.local";

    /** The services the stack embeds unless {@code crossdock.local.services} names fewer. */
    public static final Set<String> ALL_SERVICES = Set.of("ingress-webhooks", "paqtana-publisher", "prodsmart-poller",
            "serpi-sync", "supplier-gateway", "order-bridge");

    public static final String DEMO_PAQTANA_TOKEN = "paqtana-demo-token";
    public static final String DEMO_PRODSMART_API_KEY = "prodsmart-demo-key";
    public static final String DEMO_PRODSMART_API_SECRET = "prodsmart-demo-secret";
    public static final String DEMO_SERPI_TOKEN = "serpi-demo-token";
    public static final String DEMO_SERPI_SECRET_KEY = "serpi-demo-key";
    public static final String DEMO_BASELINKER_TOKEN = "baselinker-demo-token";
    public static final String DEMO_OPTIMAKERS_API_KEY = "optimakers-demo-key";
    public static final String DEMO_OPTIMAKERS_WEBHOOK_TOKEN = "optimakers-demo-webhook-token";
    public static final String DEMO_ADMIN_TOKEN = "admin-demo-token";

    public LocalStackSettings {
        services = services == null ? ALL_SERVICES : chosen(services);
    }

    /** The settings from this process's environment variables and system properties. */
    public static LocalStackSettings fromProcess() {
        return bind(new StandardEnvironment().getPropertySources());
    }

    /** The settings from the given environment variables (relaxed binding, as Spring reads the process's). */
    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env)));
        return bind(sources);
    }

    /** Every port chosen freely, data in the given directory: for tests. */
    public static LocalStackSettings ephemeral(Path dataDir) {
        return new LocalStackSettings(0, 0, 0, 0, 0, 0, dataDir, ALL_SERVICES, Secret.of(DEMO_PAQTANA_TOKEN),
                Secret.of(DEMO_PRODSMART_API_KEY), Secret.of(DEMO_PRODSMART_API_SECRET), 0, Secret.of(DEMO_SERPI_TOKEN),
                Secret.of(DEMO_SERPI_SECRET_KEY), 0, 0, Secret.of(DEMO_BASELINKER_TOKEN), Secret.of(DEMO_OPTIMAKERS_API_KEY),
                Secret.of(DEMO_OPTIMAKERS_WEBHOOK_TOKEN), Secret.of(DEMO_ADMIN_TOKEN));
    }

    private static LocalStackSettings bind(PropertySources sources) {
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate(PREFIX, LocalStackSettings.class);
    }

    private static Set<String> chosen(Set<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : names) {
            String service = name.trim();
            if (service.isEmpty()) {
                continue;
            }
            if (!ALL_SERVICES.contains(service)) {
                throw new IllegalArgumentException(PREFIX + ".services (CROSSDOCK_LOCAL_SERVICES): unknown service \""
                        + service + "\"; known: " + ALL_SERVICES);
            }
            chosen.add(service);
        }
        return Set.copyOf(chosen);
    }
}
