package com.crossdock.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
            "sandboxes", 8090,
            "kafka", 9092);

    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|CREDENTIAL|API_KEY|AUTH_KEY).*");
    /** ${VAR:-default} whose default is a demo value: a real secret can only come from the environment. */
    private static final Pattern DEMO_DEFAULT = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:-[^}]*demo[^}]*}");
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
        services.properties().forEach(service -> environment(service.getValue()).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                secrets.put(service.getKey() + "." + name, value);
            }
        }));

        assertThat(secrets).isNotEmpty();
        assertThat(secrets).allSatisfy((name, value) -> assertThat(value).as(name).matches(DEMO_DEFAULT));
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
                "prodsmart-poller");
        assertThat(built).allSatisfy(name -> assertThat(
                Duration.parse("PT" + services.path(name).path("stop_grace_period").asString("10s").toUpperCase()))
                .as("stop_grace_period of %s", name)
                .isGreaterThan(SHUTDOWN_PHASE));
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

    /** The map ({NAME: value}) and the list (["NAME=value"]) syntax of environment. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> variables = new TreeMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.values().forEach(entry -> {
                String[] nameAndValue = entry.asString().split("=", 2);
                variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            });
        } else {
            environment.properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue().asString()));
        }
        return variables;
    }
}
