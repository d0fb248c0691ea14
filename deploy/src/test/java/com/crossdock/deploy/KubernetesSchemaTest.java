package com.crossdock.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests as a cluster receives them, rendered as {@code kubectl kustomize} would ({@link Kustomize}: the base,
 * the local overlay, the overlay with the monitoring component) and the example Jobs, each object checked against the
 * Kubernetes API of each release we support ({@link KubernetesApi}: 1.33 and 1.34), and the
 * monitoring component's ServiceMonitors and PrometheusRule against the Prometheus Operator's CustomResourceDefinitions
 * ({@link CustomResources}): a misspelt or misplaced field, a missing required one, or a kind the API has not fails
 * the build, where a hand-written check would not look.
 */
class KubernetesSchemaTest {

    private static final Path K8S = DeployFiles.kubernetesDirectory();

    @Test
    void everyRenderedObjectIsValidInTheKubernetesApi() {
        List<ObjectNode> objects = new ArrayList<>();
        objects.addAll(Kustomize.render(K8S.resolve("base")));
        objects.addAll(Kustomize.render(K8S.resolve("overlays/local")));
        objects.addAll(Kustomize.render(K8S.resolve("overlays/local"), K8S.resolve("components/monitoring")));
        List<JsonNode> all = new ArrayList<>(objects);
        DeployFiles.yamlDocuments(K8S.resolve("jobs/replay-job.example.yaml")).forEach(all::add);
        DeployFiles.yamlDocuments(K8S.resolve("jobs/spool-drain-job.example.yaml")).forEach(all::add);

        List<JsonNode> core = all.stream().filter(o -> !KubernetesApi.CUSTOM_KINDS.contains(apiKind(o))).toList();
        assertThat(core.stream().map(KubernetesSchemaTest::apiKind).distinct())
                .contains("apps/v1 Deployment", "apps/v1 StatefulSet", "v1 Service", "v1 ConfigMap", "v1 Secret",
                        "autoscaling/v2 HorizontalPodAutoscaler", "policy/v1 PodDisruptionBudget", "batch/v1 Job",
                        "v1 Namespace");
        assertThat(core.stream().map(KubernetesApi::problem).filter(Objects::nonNull).toList()).isEmpty();
        // the monitoring component's objects, against the Prometheus Operator's CustomResourceDefinitions
        List<JsonNode> custom = all.stream().filter(o -> KubernetesApi.CUSTOM_KINDS.contains(apiKind(o))).toList();
        assertThat(custom.stream().map(KubernetesSchemaTest::apiKind).distinct())
                .containsExactlyInAnyOrderElementsOf(KubernetesApi.CUSTOM_KINDS);
        assertThat(CustomResources.kinds()).containsAll(KubernetesApi.CUSTOM_KINDS);
        assertThat(custom.stream().map(CustomResources::problem).filter(Objects::nonNull).toList()).isEmpty();
    }

    @Test
    void aPlantedWrongFieldOfAServiceMonitorOrPrometheusRuleIsRefusedByItsDefinition() {
        List<JsonNode> planted = DeployFiles.yamlDocuments(DeployFiles.resourcePath("planted/invalid-monitoring-objects.yaml"));
        assertThat(planted).hasSize(3);
        assertThat(CustomResources.problem(planted.get(0))).contains("intervall");
        assertThat(CustomResources.problem(planted.get(1))).contains("expr").contains("for");
        assertThat(CustomResources.problem(planted.get(2))).contains("specs");
        // and the component's objects, which pass, are the ones a wrong field would fail
        JsonNode monitor = DeployFiles.yamlDocuments(Monitoring.SERVICE_MONITORS).get(0).deepCopy();
        assertThat(CustomResources.problem(monitor)).isNull();
        ((ObjectNode) monitor.path("spec").path("endpoints").get(0)).put("scrapeTimeoutt", "10s");
        assertThat(CustomResources.problem(monitor)).contains("scrapeTimeoutt");
        ObjectNode badName = (ObjectNode) DeployFiles.yamlDocuments(Monitoring.RULES).get(0).deepCopy();
        badName.withObject("/metadata").put("labelz", "x");
        assertThat(CustomResources.problem(badName)).contains("metadata").contains("labelz");
    }

    @Test
    void theRenderingIsKustomizesForWhatTheOverlayChanges() {
        List<ObjectNode> local = Kustomize.render(K8S.resolve("overlays/local"));
        assertThat(local).filteredOn(o -> !o.path("kind").asString().equals("Namespace"))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asString()).isEqualTo("crossdock"));
        ObjectNode ingress = find(local, "StatefulSet", "ingress-webhooks");
        assertThat(ingress.path("metadata").path("labels").path("app.kubernetes.io/part-of").asString()).isEqualTo("crossdock");
        assertThat(KubernetesManifests.findAll(ingress, "containers").get(0).get(0).path("image").asString())
                .isEqualTo("crossdock/ingress-webhooks:local");
        assertThat(find(local, "HorizontalPodAutoscaler", "ingress-webhooks").path("spec").path("maxReplicas").asInt())
                .isEqualTo(2);
        assertThat(find(local, "ConfigMap", "crossdock-kafka").path("data").path("CROSSDOCK_KAFKA_REPLICATION_FACTOR")
                .asString()).isEqualTo("1");
        assertThat(find(local, "Secret", "crossdock-secrets").path("data").path("paqtana-token").asString()).isNotEmpty();
    }

    @Test
    void aPlantedWrongFieldOrMissingRequiredFieldIsRefused() {
        List<JsonNode> planted = DeployFiles.yamlDocuments(DeployFiles.resourcePath("planted/invalid-kubernetes-objects.yaml"));
        assertThat(planted).hasSize(3);
        assertThat(KubernetesApi.problem(planted.get(0))).contains("imagePullPolicyy");
        assertThat(KubernetesApi.problem(planted.get(1))).contains("selector");
        assertThat(KubernetesApi.problem(planted.get(2))).contains("no apps/v1beta1 Deployment");
    }

    @Test
    void eachSupportedReleaseIsCheckedByItsOwnModels() {
        // resource.k8s.io/v1 (dynamic resource allocation) is served from 1.34 on: 1.34's models know DeviceClass,
        // 1.33's do not, so the two checks really are two releases' APIs
        JsonNode deviceClass = tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                {"apiVersion": "resource.k8s.io/v1", "kind": "DeviceClass", "metadata": {"name": "gpu"}, "spec": {}}""");

        assertThat(KubernetesApi.SUPPORTED).extracting(KubernetesApi::version).containsExactly("1.33", "1.34");
        assertThat(KubernetesApi.V1_34.problemIn(deviceClass)).isNull();
        assertThat(KubernetesApi.V1_33.problemIn(deviceClass)).isEqualTo("no resource.k8s.io/v1 DeviceClass in the Kubernetes 1.33 API");
        assertThat(KubernetesApi.problem(deviceClass)).startsWith("Kubernetes 1.33: ").doesNotContain("Kubernetes 1.34");
        // a misspelt field is refused by both
        ((ObjectNode) deviceClass).withObject("/spec").put("selectorz", "x");
        assertThat(KubernetesApi.problem(deviceClass)).contains("Kubernetes 1.34: ").contains("selectorz");
    }

    private static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asString().equals(kind)
                && o.path("metadata").path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String apiKind(JsonNode object) {
        return object.path("apiVersion").asString("") + " " + object.path("kind").asString("");
    }
}
