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
 * on the registry the services use, with the registry's credentials from the keys the services read, as a pod the
 * restricted Pod Security level admits.
 */
class SchemaGovernanceTest {

    private static final Path PRODUCTION = DeployFiles.kubernetesDirectory().resolve("overlays/production");
    private static final String REGISTRY_URL = "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL";
    /** The operator's variables of the registry's credentials, and where each comes from. */
    private static final Map<String, String> REGISTRY_CREDENTIALS = Map.of(
            "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "configMap:SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE",
            "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO", "secret:registry-user-info",
            "SPRING_KAFKA_PROPERTIES_BEARER_AUTH_CREDENTIALS_SOURCE", "configMap:SPRING_KAFKA_PROPERTIES_BEARER_AUTH_CREDENTIALS_SOURCE",
            "SPRING_KAFKA_PROPERTIES_BEARER_AUTH_TOKEN", "secret:registry-bearer-token");

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

    @Test
    void theJobTakesTheRegistrysCredentialsFromTheSecretAndConfigMapKeysTheServicesUse() {
        takesTheRegistrysCredentials(KubernetesManifests.podSpec(job()).path("containers").get(0));
        // a service reads the same secret key as the same property (deploy/README.md "Secured clusters")
        assertThat(readme()).contains("registry-user-info -> spring.kafka.properties.basic.auth.user.info",
                "registry-bearer-token -> spring.kafka.properties.bearer.auth.token");
    }

    @Test
    void theReplayJobTakesTheRegistrysCredentialsTheSameWay() {
        JsonNode replay = DeployFiles.yamlDocuments(DeployFiles.kubernetesDirectory().resolve("jobs/replay-job.example.yaml"))
                .stream().filter(document -> "Job".equals(document.path("kind").asString())).findFirst().orElseThrow();
        takesTheRegistrysCredentials(replay.path("spec").path("template").path("spec").path("containers").get(0));
    }

    /** The registry's credentials from the keys the services use, each optional (a registry may have none). */
    private static void takesTheRegistrysCredentials(JsonNode container) {
        Map<String, JsonNode> env = new java.util.TreeMap<>();
        container.path("env").values().forEach(variable -> env.put(variable.path("name").asString(), variable.path("valueFrom")));

        // basic auth or a bearer token: the source from crossdock-kafka, the secret from crossdock-secrets
        assertThat(env).containsKeys(REGISTRY_CREDENTIALS.keySet().toArray(String[]::new));
        REGISTRY_CREDENTIALS.forEach((variable, source) -> {
            JsonNode reference = env.get(variable).path(source.startsWith("secret:") ? "secretKeyRef" : "configMapKeyRef");
            assertThat(reference.path("name").asString()).as(variable)
                    .isEqualTo(source.startsWith("secret:") ? KubernetesSecrets.NAME : "crossdock-kafka");
            assertThat(reference.path("key").asString()).as(variable).isEqualTo(source.substring(source.indexOf(':') + 1));
            // a registry without credentials needs none of them: the Job starts without the keys
            assertThat(reference.path("optional").asBoolean(false)).as(variable).isTrue();
        });
    }

    private static String readme() {
        try {
            return java.nio.file.Files.readString(DeployFiles.repositoryRoot().resolve("deploy/README.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Manifest job() {
        List<Manifest> jobs = KubernetesManifests.ofKind("Job").stream()
                .filter(job -> job.file().startsWith(PRODUCTION)).toList();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).name()).isEqualTo("crossdock-schemas-register");
        return jobs.get(0);
    }
}
