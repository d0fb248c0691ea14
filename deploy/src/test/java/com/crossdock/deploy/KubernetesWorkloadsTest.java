package com.crossdock.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.crossdock.deploy.KubernetesManifests.Container;
import com.crossdock.deploy.KubernetesManifests.Manifest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under deploy/k8s parses, and every container is sized, probed and locked down. */
class KubernetesWorkloadsTest {

    /** Spring's graceful shutdown phase (spring.lifecycle.timeout-per-shutdown-phase) of every service. */
    private static final int SHUTDOWN_SECONDS = 30;

    @Test
    void everyManifestParsesAndNamesItsApiVersionAndKind() {
        List<Manifest> manifests = KubernetesManifests.all();

        assertThat(DeployFiles.kubernetesFiles())
                .allSatisfy(file -> assertThat(DeployFiles.yamlDocuments(file)).as("%s", file).isNotEmpty());
        assertThat(manifests).allSatisfy(m -> {
            assertThat(m.document().path("apiVersion").asString("")).as("apiVersion of %s", m).isNotBlank();
            assertThat(m.kind()).as("kind in %s", m.file()).isNotBlank();
        });
        assertThat(manifests.stream().map(Manifest::kind).collect(Collectors.toSet())).contains("StatefulSet",
                "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Secret", "Kustomization");
    }

    @Test
    void everyContainerRequestsCpuAndMemoryAndIsLimitedInMemory() {
        assertThat(KubernetesManifests.containers()).isNotEmpty().allSatisfy(container -> {
            JsonNode requests = container.spec().path("resources").path("requests");
            JsonNode limits = container.spec().path("resources").path("limits");
            assertThat(requests.path("cpu").asString("")).as("cpu request of %s", container).isNotBlank();
            assertThat(requests.path("memory").asString("")).as("memory request of %s", container).isNotBlank();
            assertThat(limits.path("memory").asString("")).as("memory limit of %s", container).isNotBlank();
        });
    }

    @Test
    void everyContainerIsProbedOnTheActuatorLivenessAndReadinessGroups() {
        assertThat(KubernetesManifests.serviceContainers()).isNotEmpty().allSatisfy(container -> {
            assertThat(container.spec().path("livenessProbe").path("httpGet").path("path").asString(""))
                    .as("liveness probe of %s", container).isEqualTo("/actuator/health/liveness");
            assertThat(container.spec().path("readinessProbe").path("httpGet").path("path").asString(""))
                    .as("readiness probe of %s", container).isEqualTo("/actuator/health/readiness");
        });
    }

    /**
     * Issue 13, point 8: a Crossdock service's actuator is on its own port (management.server.port of its yml), which
     * its container names {@code management}, its probes and scrape annotation use, and its Service carries beside
     * {@code http}; the vendor sandboxes (no service) keep theirs on their one port.
     */
    @Test
    void everyServiceIsProbedAndScrapedOnItsManagementPortNotItsPublicOne() {
        List<Container> crossdock = KubernetesManifests.serviceContainers().stream()
                .filter(container -> !container.spec().path("name").asString().equals("sandboxes")).toList();

        assertThat(crossdock).hasSize(6).allSatisfy(container -> {
            String name = container.spec().path("name").asString();
            int management = DeployFiles.managementPort(name);
            Map<String, Integer> ports = new TreeMap<>();
            container.spec().path("ports").values().forEach(port ->
                    ports.put(port.path("name").asString(), port.path("containerPort").asInt()));
            assertThat(ports).as("ports of %s", container).containsEntry("management", management)
                    .containsEntry("http", management - 1000);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.spec().path(probe).path("httpGet").path("port").asString())
                        .as("%s of %s", probe, container).isEqualTo("management");
            }
            assertThat(container.workload().document().path("spec").path("template").path("metadata")
                    .path("annotations").path("prometheus.io/port").asString()).as(container.toString())
                    .isEqualTo(String.valueOf(management));
            assertThat(KubernetesManifests.ofKind("Service")).filteredOn(service -> service.name().equals(name))
                    .singleElement().satisfies(service -> assertThat(service.document().path("spec").path("ports")
                            .values()).extracting(port -> port.path("targetPort").asString()).as(service.toString())
                            .contains("http", "management"));
        });
    }

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutCapabilities() {
        assertThat(KubernetesManifests.containers()).isNotEmpty().allSatisfy(container -> {
            JsonNode security = container.spec().path("securityContext");
            JsonNode podSecurity = KubernetesManifests.podSpec(container.workload()).path("securityContext");
            assertThat(security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false)))
                    .as("runAsNonRoot of %s", container).isTrue();
            assertThat(security.path("readOnlyRootFilesystem").asBoolean(false))
                    .as("read-only root of %s", container).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                    .as("privilege escalation of %s", container).isFalse();
            assertThat(strings(security.path("capabilities").path("drop")))
                    .as("dropped capabilities of %s", container).contains("ALL");
            // The JVM and Netty write temporary files: /tmp is an emptyDir on a read-only root.
            assertThat(container.spec().path("volumeMounts").values()).as("volume mounts of %s", container)
                    .anySatisfy(mount -> assertThat(mount.path("mountPath").asString()).isEqualTo("/tmp"));
        });
    }

    @Test
    void everyPodSpecMeetsTheRestrictedPodSecurityLevel() {
        // the local overlay's namespace enforces it; a Job (the replay) is admitted by the same rules as a service
        assertThat(KubernetesManifests.workloads()).extracting(Manifest::kind).contains("Job", "Deployment", "StatefulSet");
        assertThat(KubernetesManifests.workloads()).allSatisfy(workload ->
                assertThat(RestrictedPodSecurity.violations(KubernetesManifests.podSpec(workload)))
                        .as("what the restricted level refuses in %s", workload).isEmpty());
    }

    @Test
    void findsWhatTheRestrictedLevelRefusesInPlantedPodSpecs() {
        List<JsonNode> planted = DeployFiles.yamlDocuments(DeployFiles.resourcePath("planted/restricted-pod-security-violations.yaml"));
        JsonNode replayJobBefore = planted.get(0).path("spec").path("template").path("spec");
        JsonNode everythingWrong = planted.get(1).path("spec").path("template").path("spec");

        assertThat(RestrictedPodSecurity.violations(replayJobBefore))
                .containsExactly("container operator has no seccompProfile RuntimeDefault or Localhost (nor does its pod)");
        assertThat(RestrictedPodSecurity.violations(everythingWrong)).containsExactlyInAnyOrder(
                "hostNetwork shares the node's namespace",
                "hostPID shares the node's namespace",
                "volume host is a hostPath",
                "pod runs as uid 0",
                "container setup has no seccompProfile RuntimeDefault or Localhost (nor does its pod)",
                "container app is privileged",
                "container app does not set allowPrivilegeEscalation: false",
                "container app does not set runAsNonRoot: true (nor does its pod)",
                "container app has no seccompProfile RuntimeDefault or Localhost (nor does its pod)",
                "container app does not drop ALL capabilities",
                "container app adds capability SYS_ADMIN",
                "container app binds host port 80");
    }

    @Test
    void noImageIsUntaggedOrLatest() {
        assertThat(KubernetesManifests.containers()).isNotEmpty().allSatisfy(container -> {
            String image = container.spec().path("image").asString("");
            String nameAndTag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(nameAndTag).as("image of %s", container)
                    .containsAnyOf(":", "@sha256:").doesNotEndWith(":latest");
        });
        assertThat(KubernetesManifests.ofKind("Kustomization")).allSatisfy(kustomization -> assertThat(
                kustomization.document().path("images").values()).allSatisfy(image -> {
                    assertThat(image.path("newTag").asString("")).as("newTag in %s", kustomization)
                            .isNotEqualTo("latest");
                    // an entry with a name only changes nothing: the image keeps the base's tag (it happened once)
                    assertThat(image.has("newTag") || image.has("newName") || image.has("digest"))
                            .as("image %s in %s sets a tag, name or digest", image.path("name"), kustomization).isTrue();
                }));
    }

    @Test
    void terminationGraceCoversThePreStopSleepAndTheGracefulShutdown() {
        assertThat(KubernetesManifests.serviceContainers()).isNotEmpty().allSatisfy(container -> {
            JsonNode lifecycle = container.spec().path("lifecycle");
            List<String> preStop = strings(lifecycle.path("preStop").path("exec").path("command"));
            // a pod behind a load-balanced Service keeps serving until every proxy has dropped its endpoint
            if (routedTo(container.workload())) {
                assertThat(preStop).as("preStop of %s", container).hasSize(2).startsWith("sleep");
            }
            int sleep = preStop.size() == 2 ? Integer.parseInt(preStop.get(1)) : 0;
            JsonNode pod = KubernetesManifests.podSpec(container.workload());
            int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
            assertThat(grace).as("terminationGracePeriodSeconds of %s", container.workload())
                    .isGreaterThanOrEqualTo(sleep + SHUTDOWN_SECONDS);
        });
    }

    /** Whether a Service with a cluster IP (proxied, load-balanced; not headless) selects the workload's pods. */
    private static boolean routedTo(KubernetesManifests.Manifest workload) {
        JsonNode podLabels = workload.document().path("spec").path("template").path("metadata").path("labels");
        return KubernetesManifests.ofKind("Service").stream()
                .map(KubernetesManifests.Manifest::document)
                .filter(service -> !"None".equals(service.path("spec").path("clusterIP").asString("")))
                .anyMatch(service -> !service.path("spec").path("selector").isEmpty()
                        && service.path("spec").path("selector").properties().stream().allMatch(label ->
                        label.getValue().asString().equals(podLabels.path(label.getKey()).asString(null))));
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
