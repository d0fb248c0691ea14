package com.crossdock.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The checks of Kubernetes' Pod Security Standards, level {@code restricted} (which includes {@code baseline}), that
 * a namespace labelled {@code pod-security.kubernetes.io/enforce: restricted} applies to every pod it admits
 * (kubernetes.io/docs/concepts/security/pod-security-standards). Crossdock's pod specs set no AppArmor, SELinux,
 * sysctl or procMount field, so those rules are checked as "not set".
 */
final class RestrictedPodSecurity {

    /** The only volume types the restricted level admits. */
    private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");
    /** The one capability a container may add back at the restricted level. */
    private static final Set<String> ADDABLE_CAPABILITIES = Set.of("NET_BIND_SERVICE");
    /** Fields the level restricts that Crossdock never needs: set at all, they are reported for a human to judge. */
    private static final List<String> UNUSED_RESTRICTED_FIELDS = List.of("appArmorProfile", "seLinuxOptions",
            "procMount", "windowsOptions");

    private RestrictedPodSecurity() {
    }

    /** What the level refuses in a pod spec ({@code spec.template.spec} of a workload), empty when it admits it. */
    static List<String> violations(JsonNode pod) {
        List<String> violations = new ArrayList<>();
        JsonNode podSecurity = pod.path("securityContext");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                violations.add(host + " shares the node's namespace");
            }
        }
        if (podSecurity.has("sysctls")) {
            violations.add("pod sets sysctls");
        }
        unusedFields(podSecurity, "pod", violations);
        pod.path("volumes").values().forEach(volume -> volume.propertyNames().stream()
                .filter(type -> !type.equals("name") && !VOLUME_TYPES.contains(type))
                .forEach(type -> violations.add("volume " + volume.path("name").asString() + " is a " + type)));
        if (podSecurity.path("runAsUser").asInt(-1) == 0) {
            violations.add("pod runs as uid 0");
        }
        for (JsonNode container : containers(pod)) {
            String name = "container " + container.path("name").asString();
            JsonNode security = container.path("securityContext");
            if (security.path("privileged").asBoolean(false)) {
                violations.add(name + " is privileged");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(name + " does not set allowPrivilegeEscalation: false");
            }
            if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                violations.add(name + " does not set runAsNonRoot: true (nor does its pod)");
            }
            if (security.path("runAsUser").asInt(-1) == 0) {
                violations.add(name + " runs as uid 0");
            }
            JsonNode seccomp = security.has("seccompProfile") ? security.path("seccompProfile")
                    : podSecurity.path("seccompProfile");
            if (!SECCOMP_TYPES.contains(seccomp.path("type").asString(""))) {
                violations.add(name + " has no seccompProfile RuntimeDefault or Localhost (nor does its pod)");
            }
            List<String> dropped = security.path("capabilities").path("drop").values().stream()
                    .map(JsonNode::asString).toList();
            if (!dropped.contains("ALL")) {
                violations.add(name + " does not drop ALL capabilities");
            }
            security.path("capabilities").path("add").values().stream().map(JsonNode::asString)
                    .filter(capability -> !ADDABLE_CAPABILITIES.contains(capability))
                    .forEach(capability -> violations.add(name + " adds capability " + capability));
            container.path("ports").values().stream().filter(port -> port.path("hostPort").asInt(0) != 0)
                    .forEach(port -> violations.add(name + " binds host port " + port.path("hostPort").asInt()));
            unusedFields(security, name, violations);
        }
        return violations;
    }

    private static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
            containers.addAll(pod.path(field).values());
        }
        return containers;
    }

    private static void unusedFields(JsonNode securityContext, String where, List<String> violations) {
        UNUSED_RESTRICTED_FIELDS.stream().filter(securityContext::has)
                .forEach(field -> violations.add(where + " sets " + field + " (check it against the level by hand)"));
    }
}
