package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crossdock.deploy.DeployedVariables.Variable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the deployment files honest: every environment variable that docker-compose.yml, the Dockerfile and
 * deploy/k8s give one of Crossdock's programs is read by it. For a Spring service that means the variable is the
 * relaxed form of a property in the generated configuration metadata of the service's modules (its own and the
 * Crossdock modules it runs with) or of its libraries (Spring Boot, Spring Kafka, actuator); a renamed key can then
 * never leave a dead variable behind. The exceptions are few and written down: the JVM's own variables, and a
 * program that is no Spring application (the operator) reads what its README's "Environment" table lists.
 */
class EnvironmentVariablesTest {

    /** Read by the JVM itself, in any container. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    /** Programs without Spring configuration properties, and the README whose "Environment" table is their list. */
    private static final Map<String, Path> DOCUMENTED_ENVIRONMENT = Map.of("operator", Path.of("operator/README.md"));
    private static final Pattern TABLE_ROW_VARIABLE = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`");

    private final Map<String, ConfigurationKeys> keysByModule = new HashMap<>();

    @Test
    void everyVariableOfTheDeploymentNamesAPropertyOfTheProgramThatReadsIt() {
        List<Variable> variables = new ArrayList<>(DeployedVariables.ofCompose(DeployFiles.composeFile()));
        variables.addAll(DeployedVariables.ofKubernetes());

        assertThat(variables).extracting(Variable::module)
                .contains("ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes", "operator");
        assertThat(dead(variables)).as("variables no property of their program binds").isEmpty();
    }

    @Test
    void findsTheDeadVariablesPlantedInAComposeFile() {
        List<Variable> planted = DeployedVariables.ofCompose(DeployFiles.resourcePath("planted/dead-variables-compose.yml"));

        // the service's compose variables and its Dockerfile's ENV are read; an image of someone else's is not
        assertThat(planted).extracting(Variable::name)
                .contains("SERVER_PORT", "SPRING_CONFIG_NAME", "CROSSDOCK_INGRESS_MAX_BODY_BYTES")
                .doesNotContain("KAFKA_NODE_ID");
        assertThat(dead(planted)).extracting(Variable::name)
                .containsExactlyInAnyOrder("CROSSDOCK_INGRESS_MAX_BODY_SIZE", "CROSSDOCK_PAQTANA_ORGANISATION");
    }

    @Test
    void readsTheEnvironmentAsSpringsRelaxedBindingDoes() {
        ConfigurationKeys poller = keys("prodsmart-poller");

        assertThat(List.of(
                "CROSSDOCK_PRODSMART_FEED_IDLE_INTERVAL",               // a nested record the processor unfolded
                "CROSSDOCK_PRODSMART_FEED_IDLEINTERVAL",                // dashes dropped instead of underscored
                "CROSSDOCK_VENDORS_PRODSMART_RATE_LIMIT_PERIOD",        // below a map key, a record's component
                "CROSSDOCK_VENDORS_PRODSMART_AUTH_SECRET",
                "CROSSDOCK_VENDORS_DEFAULTS_SHARES_RECONCILIATION_RATE_LIMIT_PERMITS",
                "CROSSDOCK_SPOOL_RETRY_MAX_INTERVAL",                   // a Backoff the processor unfolded
                "CROSSDOCK_PRODSMART_FEED_RETRY_MAX_INTERVAL",          // a Backoff it did not (read from the class)
                "CROSSDOCK_PRODSMART_CHANNELS_0_TYPE",                  // a list, by index
                "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL",          // Spring Kafka's map of client properties
                "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"))           // actuator
                .allSatisfy(variable -> assertThat(poller.binds(variable)).as(variable).isTrue());
        assertThat(List.of(
                "CROSSDOCK_PRODSMART_FEED_IDLE",                        // part of a name
                "CROSSDOCK_PRODSMART_FEED_IDLE_INTERVAL_EXTRA",         // below a leaf
                "CROSSDOCK_VENDORS_PRODSMART_RATE_LIMIT",               // no such component of a vendor
                "CROSSDOCK_VENDORS_RATE_LIMIT_PERIOD",                  // the map key left out
                "CROSSDOCK_INGRESS_MAX_BODY_BYTES"))                    // another service's property
                .allSatisfy(variable -> assertThat(poller.binds(variable)).as(variable).isFalse());
    }

    @Test
    void everyDeployedSpringServiceHasItsGeneratedMetadata() {
        assertThat(List.of("ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes"))
                .allSatisfy(module -> assertThat(DeployFiles.repositoryRoot().resolve(module)
                        .resolve("target/classes").resolve(ConfigurationKeys.METADATA))
                        .as("Boot's configuration processor output of %s", module).isRegularFile());
    }

    private List<Variable> dead(List<Variable> variables) {
        return variables.stream().filter(variable -> !read(variable)).toList();
    }

    private boolean read(Variable variable) {
        if (JVM_VARIABLES.contains(variable.name())) {
            return true;
        }
        Path readme = DOCUMENTED_ENVIRONMENT.get(variable.module());
        if (readme != null) {
            return documentedVariables(readme).contains(variable.name());
        }
        return keys(variable.module()).binds(variable.name());
    }

    private ConfigurationKeys keys(String module) {
        return keysByModule.computeIfAbsent(module, m -> ConfigurationKeys.of(ReactorModules.runtimeClosure(m)));
    }

    /** The first-column variables of the "Environment" table of a README. */
    private static Set<String> documentedVariables(Path readme) {
        Set<String> variables = new LinkedHashSet<>();
        boolean inSection = false;
        try {
            for (String line : Files.readAllLines(DeployFiles.repositoryRoot().resolve(readme))) {
                if (line.startsWith("#")) {
                    inSection = line.replace("#", "").strip().equals("Environment");
                    continue;
                }
                Matcher row = TABLE_ROW_VARIABLE.matcher(line);
                if (inSection && row.find()) {
                    variables.add(row.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(variables).as("the Environment table of %s", readme).isNotEmpty();
        return variables;
    }
}
