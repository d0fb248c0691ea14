package com.crossdock.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crossdock.deploy.KubernetesManifests.Manifest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production overlay's schema governance: the services neither register schemas nor write with any but the
 * subject's latest version, and the overlay's Job registers them with BACKWARD_TRANSITIVE (operator schemas register)
 * on the registry the services use, as a pod the restricted Pod Security level admits.
 */
class SchemaGovernanceTest {

    private static final Path PRODUCTION = DeployFiles.kubernetesDirectory().resolve("overlays/production");
    private static final String REGISTRY_URL = "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL";

    @Test
    void theProductionOverlayTurnsAutoRegistrationOffAndWritesWithTheLatestVersion() {
        Map<String, String> kafka = KubernetesManifests.generatorLiterals(PRODUCTION.resolve("kustomization.yaml"),
                "configMapGenerator").get("crossdock-kafka");

        assertThat(kafka).containsEntry("SPRING_KAFKA_PROPERTIES_AUTO_REGISTER_SCHEMAS", "false")
                .containsEntry("SPRING_KAFKA_PROPERTIES_USE_LATEST_VERSION", "true");
    }

    @Test
    void theOverlaysJobRegistersTheSchemasOnTheServicesRegistryWithTheOperatorsImage() {
        Manifest job = job();
        JsonNode container = KubernetesManifests.podSpec(job).path("containers").get(0);

        assertThat(DeployFiles.yaml(PRODUCTION.resolve("kustomization.yaml")).path("resources").values())
                .extracting(JsonNode::asString).contains("../../base", PRODUCTION.relativize(job.file()).toString());
        assertThat(DeployedVariables.crossdockModule(container.path("image").asString())).isEqualTo("operator");
        assertThat(container.has("command")).isFalse();
        assertThat(container.path("args").values()).extracting(JsonNode::asString).containsExactly("schemas", "register");
        JsonNode registry = container.path("env").values().stream()
                .filter(env -> env.path("name").asString().equals(REGISTRY_URL)).findFirst().orElseThrow();
        assertThat(registry.path("valueFrom").path("configMapKeyRef").path("name").asString()).isEqualTo("crossdock-kafka");
        assertThat(registry.path("valueFrom").path("configMapKeyRef").path("key").asString()).isEqualTo(REGISTRY_URL);
    }

    @Test
    void theJobIsAdmittedByTheRestrictedLevelAndDoesNotRetryARefusal() {
        Manifest job = job();

        assertThat(RestrictedPodSecurity.violations(KubernetesManifests.podSpec(job))).isEmpty();
        // exit 2: an incompatible schema or refused credentials, which a retry cannot fix
        assertThat(KubernetesManifests.findAll(job.document(), "onExitCodes").get(0).path("values").values())
                .extracting(JsonNode::asInt).containsExactly(2);
    }

    private static Manifest job() {
        List<Manifest> jobs = KubernetesManifests.ofKind("Job").stream()
                .filter(job -> job.file().startsWith(PRODUCTION)).toList();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).name()).isEqualTo("crossdock-schemas-register");
        return jobs.get(0);
    }
}
