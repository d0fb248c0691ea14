package com.crossdock.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.crossdock.ingress.IngressApplication;
import com.crossdock.orders.OrderBridgeApplication;
import com.crossdock.paqtana.PaqtanaPublisherApplication;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.poller.ProdsmartPollerApplication;
import com.crossdock.sandbox.SandboxesApplication;
import com.crossdock.serpi.SerpiSyncApplication;
import com.crossdock.suppliers.SupplierGatewayApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Crossdock on one machine with everything embedded: a real KRaft broker, the schema registry (Confluent REST
 * API), the vendor sandboxes and the services, each service in its own Spring context as it would run in its
 * own pod. Closing it (Ctrl-C) stops the services first, so they finish in-flight work and commit offsets,
 * then the sandboxes, the registry and the broker.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** What a service's actuator port is, past its own: its public port + 1000 (deploy/README.md "Ports"). */
    static final int MANAGEMENT_OFFSET = 1000;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Integer> managementPorts = new java.util.HashMap<>();
    private final LocalStackSettings settings;
    private String kafka;
    private String registry;
    private int sandboxPort;
    private int ingressPort;
    private int publisherPort;
    private int pollerPort;
    private int serpiPort;
    private int gatewayPort;
    private int bridgePort;
    private Duration startup;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        LocalStack stack = start(LocalStackSettings.fromProcess());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        log.info("{}", stack.describe());
    }

    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long begin = System.nanoTime();
        LocalKafka broker = LocalKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        started.push(broker);
        kafka = broker.bootstrapServers();

        // schemas kept on the broker (_schemas), so that a restart reads back the same ids the topics' records name
        InProcessSchemaRegistry schemaRegistry = InProcessSchemaRegistry.start(settings.registryPort(), kafka);
        started.push(schemaRegistry);
        registry = schemaRegistry.url();

        ingressPort = settings.ingressPort();
        if (settings.services().contains("ingress-webhooks")) {
            ingressPort = port(run(IngressApplication.class, "ingress-webhooks", Map.of(
                    "server.port", settings.ingressPort(),
                    "crossdock.ingress.prodsmart.webhook-secret", settings.prodsmartApiSecret().reveal(),
                    "crossdock.ingress.optimakers.token", settings.optimakersWebhookToken().reveal(),
                    "crossdock.spool.directory", settings.dataDir().resolve("ingress-spool").toString())));
        }
        sandboxPort = port(run(SandboxesApplication.class, "sandboxes", Map.ofEntries(
                Map.entry("server.port", settings.sandboxPort()),
                Map.entry("sandboxes.paqtana.token", settings.paqtanaToken().reveal()),
                Map.entry("sandboxes.prodsmart.api.key", settings.prodsmartApiKey().reveal()),
                Map.entry("sandboxes.prodsmart.api.secret", settings.prodsmartApiSecret().reveal()),
                Map.entry("sandboxes.prodsmart.webhook-target", ingressUrl() + "/webhooks/prodsmart"),
                Map.entry("sandboxes.serpi.tokens." + settings.serpiToken().reveal(), settings.serpiSecretKey().reveal()),
                Map.entry("sandboxes.baselinker.token", settings.baselinkerToken().reveal()),
                Map.entry("sandboxes.optimakers.api-key", settings.optimakersApiKey().reveal()),
                Map.entry("sandboxes.optimakers.webhook-token", settings.optimakersWebhookToken().reveal()),
                Map.entry("sandboxes.optimakers.webhook-target", ingressUrl() + "/webhooks/optimakers"),
                // the vendor fakes share the launcher's classpath but are no Kafka client
                Map.entry("spring.autoconfigure.exclude", "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                        + "com.crossdock.platform.config.CrossdockPlatformAutoConfiguration"))));
        publisherPort = settings.paqtanaPublisherPort();
        if (settings.services().contains("paqtana-publisher")) {
            publisherPort = port(run(PaqtanaPublisherApplication.class, "paqtana-publisher", Map.of(
                    "server.port", settings.paqtanaPublisherPort(),
                    "crossdock.vendors.paqtana.base-url", sandboxUrl() + "/paqtana",
                    "crossdock.vendors.paqtana.auth.token", settings.paqtanaToken().reveal())));
        }
        pollerPort = settings.prodsmartPollerPort();
        if (settings.services().contains("prodsmart-poller")) {
            // the Prodsmart poller drains the sandbox's change feeds with the credential the sandbox accepts
            pollerPort = port(run(ProdsmartPollerApplication.class, "prodsmart-poller", Map.of(
                "server.port", settings.prodsmartPollerPort(),
                "crossdock.vendors.prodsmart.base-url", sandboxUrl() + "/prodsmart",
                "crossdock.vendors.prodsmart.auth.key", settings.prodsmartApiKey().reveal(),
                "crossdock.vendors.prodsmart.auth.secret", settings.prodsmartApiSecret().reveal(),
                "crossdock.prodsmart.feed.idle-interval", "2s",
                "crossdock.spool.directory", settings.dataDir().resolve("prodsmart-poller-spool").toString())));
        }
        serpiPort = settings.serpiSyncPort();
        if (settings.services().contains("serpi-sync")) {
            serpiPort = port(run(SerpiSyncApplication.class, "serpi-sync", serpiSyncProperties()));
        }
        gatewayPort = settings.supplierGatewayPort();
        if (settings.services().contains("supplier-gateway")) {
            // the six supplier sandboxes with the demo credentials they accept (sandboxes.suppliers.* defaults)
            Map<String, Object> gateway = new java.util.LinkedHashMap<>(SupplierDemo.settings(sandboxUrl()));
            gateway.put("server.port", settings.supplierGatewayPort());
            gateway.put("crossdock.spool.directory", settings.dataDir().resolve("supplier-gateway-spool").toString());
            gatewayPort = port(run(SupplierGatewayApplication.class, "supplier-gateway", gateway));
        }
        bridgePort = settings.orderBridgePort();
        if (settings.services().contains("order-bridge")) {
            // BaseLinker orders into Optimakers and fulfilment back, both vendors the sandbox's (their demo ids)
            bridgePort = port(run(OrderBridgeApplication.class, "order-bridge", Map.of(
                    "server.port", settings.orderBridgePort(),
                    "crossdock.vendors.baselinker.base-url", sandboxUrl() + "/baselinker/connector.php",
                    "crossdock.vendors.baselinker.auth.headers.token.value", settings.baselinkerToken().reveal(),
                    "crossdock.vendors.optimakers.base-url", sandboxUrl() + "/optimakers",
                    "crossdock.vendors.optimakers.auth.headers.apikey.value", settings.optimakersApiKey().reveal(),
                    "crossdock.baselinker.feed.idle-interval", "1s",
                    "crossdock.spool.directory", settings.dataDir().resolve("order-bridge-spool").toString())));
        }
        startup = Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * serpi-sync against the SERPI sandbox, reading every 10 s (not SERPI's 5 minutes) so the demo shows a change
     * soon; warehouse 1 is the location {@code serpi-bodega-1}; demo mapping tables for what it creates in SERPI.
     */
    private Map<String, Object> serpiSyncProperties() {
        Map<String, Object> serpi = new java.util.LinkedHashMap<>();
        serpi.put("server.port", settings.serpiSyncPort());
        serpi.put("crossdock.vendors.serpi.base-url", sandboxUrl() + "/serpi");
        serpi.put("crossdock.vendors.serpi.auth.headers.authorization.value", settings.serpiToken().reveal());
        serpi.put("crossdock.vendors.serpi.auth.headers.secretkey.value", settings.serpiSecretKey().reveal());
        serpi.put("crossdock.serpi.feed.idle-interval", "10s");
        serpi.put("crossdock.serpi.warehouses.1", "serpi-bodega-1");
        serpi.put("crossdock.serpi.mapping.units.UN", "3");
        serpi.put("crossdock.serpi.mapping.default-material-type", "DEMO");
        for (String id : new String[] {"accounting-group", "line", "category", "presentation", "brand"}) {
            serpi.put("crossdock.serpi.mapping.material-types.DEMO." + id, "1");
        }
        serpi.put("crossdock.spool.directory", settings.dataDir().resolve("serpi-sync-spool").toString());
        return serpi;
    }

    private ConfigurableApplicationContext run(Class<?> application, String name, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(properties);
        all.put("spring.config.name", name);
        all.put("spring.application.name", name);
        all.put("spring.main.banner-mode", "off");
        all.put("spring.kafka.bootstrap-servers", kafka);
        all.put("spring.kafka.properties.schema.registry.url", registry);
        all.put("crossdock.admin.token", settings.adminToken().reveal());
        if (LocalStackSettings.ALL_SERVICES.contains(name)) {
            // a service's actuator on its own port, as deployed: its port + 1000, or any free one when its port is
            // (the vendor sandboxes are no service: theirs stays on their one port)
            int port = Integer.parseInt(String.valueOf(properties.get("server.port")));
            all.put("management.server.port", port == 0 ? 0 : port + MANAGEMENT_OFFSET);
        }
        // command-line arguments, so the launcher's ports and credentials win over each service's own yml
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .main(application)
                .registerShutdownHook(false)
                .initializers(LocalStack::ownNettyResources)
                .run(args);
        started.push(context);
        if (LocalStackSettings.ALL_SERVICES.contains(name)) {
            managementPorts.put(name, context.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
        }
        return context;
    }

    /**
     * Each service its own Reactor Netty event loops and connection pools, as in its own process: with the shared global
     * ones (Spring Boot's default), the first service to stop disposed them under the others still stopping, whose
     * last vendor calls then failed with "no answer" (ERROR lines at every stop of the local stack).
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean("reactorResourceFactory", ReactorResourceFactory.class, () -> {
            ReactorResourceFactory own = new ReactorResourceFactory();
            own.setUseGlobalResources(false);
            return own;
        });
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String registryUrl() {
        return registry;
    }

    public String sandboxUrl() {
        return "http://localhost:" + sandboxPort;
    }

    public String ingressUrl() {
        return "http://localhost:" + ingressPort;
    }

    public String serpiSyncUrl() {
        return "http://localhost:" + serpiPort;
    }

    public String prodsmartPollerUrl() {
        return "http://localhost:" + pollerPort;
    }

    public String supplierGatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String orderBridgeUrl() {
        return "http://localhost:" + bridgePort;
    }

    public String paqtanaPublisherUrl() {
        return "http://localhost:" + publisherPort;
    }

    /** Where a service's actuator answers ({@code /actuator/health}, {@code /actuator/prometheus}). */
    public String managementUrl(String service) {
        Integer port = managementPorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("the local stack runs no " + service + " (of " + managementPorts.keySet() + ")");
        }
        return "http://localhost:" + port;
    }

    private String actuator(String service) {
        return managementPorts.containsKey(service) ? managementUrl(service) : "(" + service + " not run)";
    }

    public Duration startupTime() {
        return startup;
    }

    /** What a newcomer needs to know once it runs. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "",
                "Crossdock local stack is up (started in " + startup.toMillis() + " ms). Ctrl-C stops it.",
                "  Kafka (KRaft)            " + kafka,
                "  Schema registry          " + registry + "   (Confluent REST API)",
                "  Ingress webhooks         " + ingressUrl() + "/webhooks/prodsmart   (HMAC key: CROSSDOCK_LOCAL_PRODSMART_API_SECRET), /webhooks/optimakers",
                "  paqtana-publisher        " + actuator("paqtana-publisher") + "/actuator/health",
                "  prodsmart-poller         " + actuator("prodsmart-poller") + "/actuator/health   (reconcile: POST "
                        + prodsmartPollerUrl() + "/admin/prodsmart/reconciliation, Authorization: Bearer CROSSDOCK_LOCAL_ADMIN_TOKEN)",
                "  serpi-sync               " + actuator("serpi-sync") + "/actuator/health   (full pass: POST "
                        + serpiSyncUrl() + "/admin/serpi/reconciliation, the same token)",
                "  SERPI articles and stock " + sandboxUrl() + "/serpi/_sandbox/articles",
                "  order-bridge             " + actuator("order-bridge") + "/actuator/health   (BaseLinker -> Optimakers -> BaseLinker)",
                "  supplier-gateway         " + supplierGatewayUrl() + "/quotes?article=OC90&qty=2   (OpenAPI: /openapi.yaml)",
                "  Vendor sandboxes         " + sandboxUrl() + "   (/paqtana, /prodsmart, /serpi, /baselinker, /optimakers, /suppliers/<name>, faults: /_sandbox/faults)",
                "  Paqtana rows             " + sandboxUrl() + "/paqtana/_sandbox/orgs/demo/master_inventory",
                "  Metrics                  " + actuator("ingress-webhooks") + "/actuator/prometheus   (every service's actuator: its port + 1000)",
                "");
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", next, e.toString());
            }
        }
        log.info("Crossdock local stack stopped");
    }
}
