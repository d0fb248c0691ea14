package com.crossdock.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** The YAML documents under deploy/k8s, and the containers of the workloads among them. */
final class KubernetesManifests {

    /** Kinds whose pods are described at spec.template.spec. */
    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    record Manifest(Path file, JsonNode document) {

        String kind() {
            return document.path("kind").asString("");
        }

        String name() {
            return document.path("metadata").path("name").asString("");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + DeployFiles.kubernetesDirectory().relativize(file) + ")";
        }
    }

    record Container(Manifest workload, JsonNode spec) {

        @Override
        public String toString() {
            return spec.path("name").asString() + " in " + workload;
        }
    }

    private KubernetesManifests() {
    }

    static List<Manifest> all() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : DeployFiles.kubernetesFiles()) {
            DeployFiles.yamlDocuments(file).forEach(document -> manifests.add(new Manifest(file, document)));
        }
        return manifests;
    }

    static List<Manifest> ofKind(String kind) {
        return all().stream().filter(m -> m.kind().equals(kind)).toList();
    }

    static List<Manifest> workloads() {
        return all().stream().filter(m -> WORKLOAD_KINDS.contains(m.kind())).toList();
    }

    static JsonNode podSpec(Manifest workload) {
        return workload.document().path("spec").path("template").path("spec");
    }

    /** Every container and init container of every workload. */
    static List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        for (Manifest workload : workloads()) {
            JsonNode pod = podSpec(workload);
            pod.path("initContainers").values().forEach(c -> containers.add(new Container(workload, c)));
            pod.path("containers").values().forEach(c -> containers.add(new Container(workload, c)));
        }
        return containers;
    }
    /** Containers of long-running workloads (not Jobs): they serve, so they are probed and drained. */
    static List<Container> serviceContainers() {
        return containers().stream().filter(c -> !c.workload().kind().equals("Job")).toList();
    }


    /** name -> (key -> value) of the literals of a configMapGenerator or secretGenerator. */
    static Map<String, Map<String, String>> generatorLiterals(Path kustomization, String generator) {
        Map<String, Map<String, String>> generated = new TreeMap<>();
        DeployFiles.yaml(kustomization).path(generator).values().forEach(entry -> {
            if (entry.has("envs") || entry.has("files")) {
                throw new IllegalStateException(kustomization + ": " + generator + " " + entry.path("name").asString()
                        + " reads files; these checks read literals only");
            }
            Map<String, String> literals = new TreeMap<>();
            entry.path("literals").values().forEach(literal -> {
                String[] keyAndValue = literal.asString().split("=", 2);
                literals.put(keyAndValue[0], keyAndValue[1]);
            });
            generated.put(entry.path("name").asString(), literals);
        });
        return generated;
    }

    /** The keys of each generated ConfigMap, over every kustomization (an overlay merges into the base's). */
    static Map<String, Set<String>> configMapKeys() {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Manifest kustomization : ofKind("Kustomization")) {
            generatorLiterals(kustomization.file(), "configMapGenerator").forEach((name, literals) ->
                    keys.computeIfAbsent(name, n -> new TreeSet<>()).addAll(literals.keySet()));
        }
        return keys;
    }

    /** Every node under the given one (itself included) that holds a property of this name, e.g. secretKeyRef. */
    static List<JsonNode> findAll(JsonNode node, String property) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, property, found);
        return found;
    }

    private static void collect(JsonNode node, String property, List<JsonNode> found) {
        if (node.has(property) && node.isObject()) {
            found.add(node.get(property));
        }
        node.values().forEach(child -> collect(child, property, found));
    }
}
