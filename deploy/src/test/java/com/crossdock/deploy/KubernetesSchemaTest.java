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
 * Kubernetes API of the release we support ({@link KubernetesApi}, {@value KubernetesApi#VERSION}): a misspelt or
 * misplaced field, a missing required one, or a kind the API has not fails the build, where a hand-written check
 * would not look.
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
        // the monitoring component's objects are there (checked by MonitoringTest, not against a CRD schema)
        assertThat(all.stream().map(KubernetesSchemaTest::apiKind))
                .contains("monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule");
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

    private static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asString().equals(kind)
                && o.path("metadata").path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String apiKind(JsonNode object) {
        return object.path("apiVersion").asString("") + " " + object.path("kind").asString("");
    }
}
