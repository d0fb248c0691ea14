package com.crossdock.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.deploy.KubernetesManifests.Manifest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What `kubectl apply -k` assembles: existing resources, generated settings, no committed credentials. */
class KustomizationsTest {

    private static final Path BASE = DeployFiles.kubernetesDirectory().resolve("base/kustomization.yaml");
    private static final Path LOCAL = DeployFiles.kubernetesDirectory().resolve("overlays/local/kustomization.yaml");

    @Test
    void everyKustomizationListsResourcesThatExist() {
        List<Manifest> kustomizations = KubernetesManifests.ofKind("Kustomization");

        assertThat(kustomizations).extracting(Manifest::file).contains(BASE, LOCAL);
        assertThat(kustomizations).allSatisfy(kustomization -> assertThat(resources(kustomization.file()))
                .as("resources of %s", kustomization).isNotEmpty()
                .allSatisfy(resource -> assertThat(Files.isRegularFile(resource)
                        || Files.isRegularFile(resource.resolve("kustomization.yaml")))
                        .as("%s exists", resource).isTrue()));
    }

    @Test
    void theBaseAppliesNoSecret() {
        List<Path> applied = resources(BASE);

        assertThat(applied).noneSatisfy(file ->
                assertThat(file.getFileName().toString()).isEqualTo("secret.example.yaml"));
        assertThat(applied).allSatisfy(file -> assertThat(DeployFiles.yamlDocuments(file))
                .noneSatisfy(document -> assertThat(document.path("kind").asString()).isEqualTo("Secret")));
        assertThat(DeployFiles.yaml(BASE).has("secretGenerator")).isFalse();
    }

    @Test
    void everyConfigMapReferenceIsGeneratedByTheBase() {
        Set<String> generated = Set.copyOf(generatorLiterals(BASE, "configMapGenerator").keySet());

        List<String> referenced = KubernetesManifests.workloads().stream()
                .flatMap(workload -> KubernetesManifests.findAll(workload.document(), "configMapRef").stream())
                .map(reference -> reference.path("name").asString())
                .toList();

        assertThat(referenced).isNotEmpty().allSatisfy(name -> assertThat(generated).contains(name));
    }

    @Test
    void theLocalOverlayGeneratesTheExampleSecretWithDemoValuesOnly() {
        JsonNode example = DeployFiles.yaml(DeployFiles.kubernetesDirectory().resolve("base/secret.example.yaml"));

        String name = example.path("metadata").path("name").asString();

        Map<String, String> local = generatorLiterals(LOCAL, "secretGenerator").get(name);

        assertThat(local).isNotNull();
        assertThat(local.keySet()).containsExactlyInAnyOrderElementsOf(example.path("stringData").propertyNames());
        assertThat(local.values()).allSatisfy(value -> assertThat(value).contains("demo"));
    }

    @Test
    void ingressKeepsItsSpoolOnAClaimOfItsOwn() {
        Manifest ingress = statefulSet("ingress-webhooks");

        assertSpoolOnAClaim(ingress, "ingress-webhooks-config", "CROSSDOCK_SPOOL_DIRECTORY");
        assertThat(KubernetesManifests.ofKind("PodDisruptionBudget")).extracting(Manifest::name)
                .contains("ingress-webhooks");
        assertThat(KubernetesManifests.ofKind("HorizontalPodAutoscaler")).anySatisfy(hpa -> {
            JsonNode target = hpa.document().path("spec").path("scaleTargetRef");
            assertThat(target.path("kind").asString()).isEqualTo("StatefulSet");
            assertThat(target.path("name").asString()).isEqualTo("ingress-webhooks");
        });
    }

    @Test
    void prodsmartPollerRunsAloneAndKeepsItsSpoolOnAClaim() {
        Manifest poller = statefulSet("prodsmart-poller");

        // one per company: two would split Prodsmart's destructive feed and spend its budget twice
        assertThat(poller.document().path("spec").path("replicas").asInt(-1)).isEqualTo(1);
        assertThat(KubernetesManifests.ofKind("HorizontalPodAutoscaler")).noneSatisfy(hpa -> assertThat(
                hpa.document().path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo("prodsmart-poller"));
        assertSpoolOnAClaim(poller, "prodsmart-poller-config", "CROSSDOCK_SPOOL_DIRECTORY");
    }

    @Test
    void supplierGatewayRunsAloneWhileItsOrderKeysAreCoordinatedInOneProcess() {
        // concurrent repeats of one Idempotency-Key wait for each other inside one process only (deploy/README.md)
        assertThat(statefulSet("supplier-gateway").document().path("spec").path("replicas").asInt(-1)).isEqualTo(1);
        assertThat(KubernetesManifests.ofKind("HorizontalPodAutoscaler")).noneSatisfy(hpa -> assertThat(
                hpa.document().path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo("supplier-gateway"));
    }

    @Test
    void everyServiceThatReadsProdsmartTakesTheCompanyFromOneConfigMap() {
        Map<String, Map<String, String>> configMaps = generatorLiterals(BASE, "configMapGenerator");

        // crossdock.prodsmart.company / .time-zone / .location (ProdsmartProperties): one value for the ingress and the poller
        assertThat(configMaps.get("prodsmart-company"))
                .containsKeys("CROSSDOCK_PRODSMART_COMPANY", "CROSSDOCK_PRODSMART_TIME_ZONE", "CROSSDOCK_PRODSMART_LOCATION");
        assertThat(configMaps).allSatisfy((name, literals) -> {
            if (!name.equals("prodsmart-company")) {
                assertThat(literals).as(name).doesNotContainKeys("CROSSDOCK_PRODSMART_COMPANY",
                        "CROSSDOCK_PRODSMART_TIME_ZONE", "CROSSDOCK_PRODSMART_LOCATION");
            }
        });
        for (String service : List.of("ingress-webhooks", "prodsmart-poller")) {
            assertThat(KubernetesManifests.findAll(statefulSet(service).document(), "configMapRef"))
                    .as(service).anySatisfy(ref -> assertThat(ref.path("name").asString()).isEqualTo("prodsmart-company"));
        }
    }

    private static Manifest statefulSet(String name) {
        return KubernetesManifests.ofKind("StatefulSet").stream()
                .filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** The spool directory the ConfigMap sets is mounted from one of the StatefulSet's own claims. */
    private static void assertSpoolOnAClaim(Manifest statefulSet, String configMap, String spoolKey) {
        String spoolDir = generatorLiterals(BASE, "configMapGenerator").get(configMap).get(spoolKey);
        JsonNode container = KubernetesManifests.podSpec(statefulSet).path("containers").get(0);

        String spoolVolume = container.path("volumeMounts").values().stream()
                .filter(mount -> mount.path("mountPath").asString().equals(spoolDir))
                .map(mount -> mount.path("name").asString())
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + spoolDir));

        assertThat(statefulSet.document().path("spec").path("volumeClaimTemplates").values())
                .anySatisfy(claim -> assertThat(claim.path("metadata").path("name").asString()).isEqualTo(spoolVolume));
    }

    /** The files and directories a kustomization lists under resources, resolved against it. */
    private static List<Path> resources(Path kustomization) {
        return DeployFiles.yaml(kustomization).path("resources").values().stream()
                .map(resource -> kustomization.getParent().resolve(resource.asString()).normalize())
                .toList();
    }

    private static Map<String, Map<String, String>> generatorLiterals(Path kustomization, String generator) {
        return KubernetesManifests.generatorLiterals(kustomization, generator);
    }
}
