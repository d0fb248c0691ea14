package com.crossdock.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules docker-compose.yml keeps beyond the Compose specification. */
class ComposeConventionsTest {

    /** The local stack contract (README, DESIGN.md): the same ports as ./crossdock-local. */
    private static final Map<String, Integer> PUBLISHED_PORTS = Map.of(
            "ingress-webhooks", 8080,
            "schema-registry", 8081,
            "paqtana-publisher", 8082,
            "prodsmart-poller", 8083,
            "serpi-sync", 8084,
            "order-bridge", 8085,
            "sandboxes", 8090,
            "kafka", 9092);

    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|CREDENTIAL|API_KEY|AUTH_KEY).*");
    /** ${VAR:-default} whose default is a demo value: a real secret can only come from the environment. */
    private static final Pattern DEMO_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-([^}]*demo[^}]*)}");
    /** A host variable interpolated into a value: ${VAR}, ${VAR:-default}, ${VAR-default}, $VAR. */
    private static final Pattern INTERPOLATED = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    /** What a sandbox accepts -> what the service that calls it sends (the ingress verifies what the sandbox signs). */
    private static final Map<String, List<String>> SAME_CREDENTIAL = Map.of(
            "sandboxes.SANDBOXES_PAQTANA_TOKEN", List.of("paqtana-publisher.CROSSDOCK_VENDORS_PAQTANA_AUTH_TOKEN"),
            "sandboxes.SANDBOXES_PRODSMART_API_KEY", List.of("prodsmart-poller.CROSSDOCK_VENDORS_PRODSMART_AUTH_KEY"),
            "sandboxes.SANDBOXES_PRODSMART_API_SECRET", List.of("prodsmart-poller.CROSSDOCK_VENDORS_PRODSMART_AUTH_SECRET",
                    "ingress-webhooks.CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET"),
            "sandboxes.SANDBOXES_BASELINKER_TOKEN", List.of("order-bridge.CROSSDOCK_VENDORS_BASELINKER_AUTH_HEADERS_TOKEN_VALUE"),
            "sandboxes.SANDBOXES_OPTIMAKERS_API_KEY", List.of("order-bridge.CROSSDOCK_VENDORS_OPTIMAKERS_AUTH_HEADERS_APIKEY_VALUE"),
            "sandboxes.SANDBOXES_OPTIMAKERS_WEBHOOK_TOKEN", List.of("ingress-webhooks.CROSSDOCK_INGRESS_OPTIMAKERS_TOKEN"));
    /** Spring's graceful shutdown phase (spring.lifecycle.timeout-per-shutdown-phase) of every service. */
    private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(30);

    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() {
        services = DeployFiles.yaml(DeployFiles.composeFile()).path("services");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        assertThat(services.propertyNames()).isNotEmpty();
        assertThat(services.properties()).allSatisfy(service -> {
            JsonNode healthcheck = service.getValue().path("healthcheck");
            assertThat(healthcheck.path("test").isMissingNode())
                    .as("%s has a healthcheck test", service.getKey()).isFalse();
            assertThat(healthcheck.path("disable").asBoolean(false))
                    .as("%s healthcheck disabled", service.getKey()).isFalse();
        });
    }

    @Test
    void everyDependencyIsADefinedServiceThatMustBeHealthy() {
        Set<String> defined = Set.copyOf(services.propertyNames());
        Map<String, String> conditions = new TreeMap<>();
        services.properties().forEach(service -> {
            JsonNode dependsOn = service.getValue().path("depends_on");
            // The list form has no condition: the dependency is only started, not awaited.
            dependsOn.values().stream().filter(JsonNode::isString)
                    .forEach(name -> conditions.put(service.getKey() + " -> " + name.asString(), "service_started"));
            dependsOn.properties().forEach(dependency -> conditions.put(service.getKey() + " -> " + dependency.getKey(),
                    dependency.getValue().path("condition").asString("service_started")));
        });

        assertThat(conditions).isNotEmpty().allSatisfy((dependency, condition) -> {
            assertThat(defined).as(dependency).contains(dependency.substring(dependency.indexOf(" -> ") + 4));
            assertThat(condition).as(dependency).isEqualTo("service_healthy");
        });
    }

    @Test
    void secretsComeFromTheEnvironmentWithOnlyDemoDefaults() {
        Map<String, String> secrets = new TreeMap<>();
        services.properties().forEach(service -> DeployFiles.environment(service.getValue()).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                secrets.put(service.getKey() + "." + name, value);
            }
        }));

        assertThat(secrets).isNotEmpty();
        assertThat(secrets).allSatisfy((name, value) -> assertThat(value).as(name).matches(DEMO_DEFAULT));
    }

    /**
     * One env naming rule: a container variable is the relaxed form of its property, and the host variable it may be
     * interpolated from is that same name, never another service's setting (no cross-wiring).
     */
    @Test
    void interpolatesAVariableOnlyFromTheHostVariableOfTheSameName() {
        Map<String, String> interpolated = new TreeMap<>();
        services.properties().forEach(service -> DeployFiles.environment(service.getValue()).forEach((name, value) -> {
            Matcher matcher = INTERPOLATED.matcher(value);
            while (matcher.find()) {
                interpolated.put(service.getKey() + "." + name, matcher.group(1));
            }
        }));

        assertThat(interpolated).isNotEmpty().allSatisfy((variable, host) ->
                assertThat(host).as(variable).isEqualTo(variable.substring(variable.indexOf('.') + 1)));
    }

    @Test
    void theSandboxesAcceptByDefaultWhatTheServicesSendByDefault() {
        assertThat(SAME_CREDENTIAL).allSatisfy((accepted, sent) -> assertThat(sent).allSatisfy(sender ->
                assertThat(demoDefault(sender)).as(sender).isEqualTo(demoDefault(accepted))));
    }

    private static String demoDefault(String serviceAndVariable) {
        int dot = serviceAndVariable.indexOf('.');
        String value = DeployFiles.environment(services.path(serviceAndVariable.substring(0, dot)))
                .get(serviceAndVariable.substring(dot + 1));
        assertThat(value).as(serviceAndVariable).isNotNull().matches(DEMO_DEFAULT);
        Matcher matcher = DEMO_DEFAULT.matcher(value);
        assertThat(matcher.matches()).isTrue();
        return matcher.group(2);
    }

    @Test
    void publishesThePortsOfTheLocalStackContract() {
        assertThat(PUBLISHED_PORTS).allSatisfy((service, port) -> assertThat(publishedPorts(services.path(service)))
                .as("ports published by %s", service)
                .contains(port));
    }

    @Test
    void givesEveryBuiltServiceTimeToShutDownGracefully() {
        List<String> built = services.properties().stream()
                .filter(service -> service.getValue().has("build"))
                .map(Map.Entry::getKey)
                .toList();

        assertThat(built).containsExactlyInAnyOrder("sandboxes", "ingress-webhooks", "paqtana-publisher",
                "prodsmart-poller", "serpi-sync", "supplier-gateway", "order-bridge");
        assertThat(built).allSatisfy(name -> assertThat(
                Duration.parse("PT" + services.path(name).path("stop_grace_period").asString("10s").toUpperCase()))
                .as("stop_grace_period of %s", name)
                .isGreaterThan(SHUTDOWN_PHASE));
    }

    /**
     * Issue 13, point 8: a service's actuator is on its own port (management.server.port of its yml, its port + 1000),
     * which compose sets, probes and publishes to this machine only; the public port does not serve it.
     */
    @Test
    void everyServiceServesActuatorOnItsOwnPortOnlyToThisMachine() {
        List<String> crossdock = services.properties().stream()
                .filter(service -> service.getValue().has("build") && !service.getKey().equals("sandboxes"))
                .map(Map.Entry::getKey).toList();

        assertThat(crossdock).hasSize(6).allSatisfy(name -> {
            Map<String, String> environment = DeployFiles.environment(services.path(name));
            int port = Integer.parseInt(environment.get("SERVER_PORT"));
            int management = DeployFiles.managementPort(name);
            assertThat(management).as("management.server.port of %s.yml", name).isEqualTo(port + 1000);
            assertThat(environment.get("MANAGEMENT_SERVER_PORT")).as(name).isEqualTo(String.valueOf(management));
            assertThat(services.path(name).path("healthcheck").path("test").toString()).as("healthcheck of %s", name)
                    .contains("http://localhost:" + management + "/actuator/health/readiness");
            assertThat(services.path(name).path("ports").values()).extracting(JsonNode::asString).as(name)
                    .contains("127.0.0.1:" + management + ":" + management)
                    .noneMatch(published -> published.startsWith(management + ":"));
        });
    }

    /** Host ports of the short ("8080:8080", "127.0.0.1:8080:8080") and long ({published: 8080}) syntax. */
    private static List<Integer> publishedPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports").values()) {
            if (port.isObject()) {
                ports.add(port.path("published").asInt());
            } else {
                String[] parts = port.asString().split("/")[0].split(":");
                if (parts.length > 1) {
                    ports.add(Integer.parseInt(parts[parts.length - 2]));
                }
            }
        }
        return ports;
    }
}
