package com.crossdock.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects {@code kubectl kustomize <dir>} renders, for exactly the kustomize features deploy/k8s uses: resources
 * (files and kustomization directories), components, namespace, labels (without selectors or templates),
 * configMapGenerator and secretGenerator from literals (merge included), images (newName, newTag) and JSON 6902
 * patches on a target kind and name. Generated names get no content hash (the schemas do not see names). A
 * kustomization field outside that list fails, so a feature the repository starts to use is never silently skipped.
 */
final class Kustomize {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "components", "namespace",
            "labels", "configMapGenerator", "secretGenerator", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass");

    private Kustomize() {
    }

    /** The objects the kustomization in {@code directory} renders, with these components added (as an overlay lists them). */
    static List<ObjectNode> render(Path directory, Path... components) {
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).get(0);
        kustomization.propertyNames().forEach(field -> {
            if (!KNOWN.contains(field)) {
                throw new IllegalStateException(directory + ": kustomization field '" + field
                        + "' is not rendered by this test's Kustomize; teach it before using it");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asString()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                read(path).forEach(document -> objects.add((ObjectNode) document));
            }
        }
        generate(kustomization.path("configMapGenerator"), "ConfigMap", objects);
        generate(kustomization.path("secretGenerator"), "Secret", objects);
        List<JsonNode> allComponents = new ArrayList<>();
        kustomization.path("components").forEach(c -> allComponents.add(YAML.getNodeFactory()
                .stringNode(directory.resolve(c.asString()).normalize().toString())));
        for (Path component : components) {
            allComponents.add(YAML.getNodeFactory().stringNode(component.toString()));
        }
        for (JsonNode component : allComponents) {
            objects.addAll(render(Path.of(component.asString())));
        }
        String namespace = kustomization.path("namespace").asString(null);
        for (ObjectNode object : objects) {
            ObjectNode metadata = object.withObject("/metadata");
            if (namespace != null && !CLUSTER_SCOPED.contains(object.path("kind").asString())) {
                metadata.put("namespace", namespace);
            }
            for (JsonNode label : kustomization.path("labels")) {
                if (label.path("includeSelectors").asBoolean(false) || label.path("includeTemplates").asBoolean(false)) {
                    throw new IllegalStateException(directory + ": labels into selectors or templates are not rendered");
                }
                label.path("pairs").properties().forEach(pair -> metadata.withObject("/labels").set(pair.getKey(), pair.getValue()));
            }
            for (JsonNode image : kustomization.path("images")) {
                KubernetesManifests.findAll(object, "containers").forEach(containers -> retag(containers, image));
                KubernetesManifests.findAll(object, "initContainers").forEach(containers -> retag(containers, image));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            JsonNode target = patch.path("target");
            objects.stream().filter(o -> o.path("kind").asString().equals(target.path("kind").asString())
                            && o.path("metadata").path("name").asString().equals(target.path("name").asString()))
                    .forEach(o -> applyJson6902(o, YAML.readTree(patch.path("patch").asString())));
        }
        return objects;
    }

    private static void generate(JsonNode generators, String kind, List<ObjectNode> objects) {
        for (JsonNode generator : generators) {
            String name = generator.path("name").asString();
            ObjectNode object = objects.stream().filter(o -> o.path("kind").asString().equals(kind)
                    && o.path("metadata").path("name").asString().equals(name)).findFirst().orElse(null);
            boolean merge = generator.path("behavior").asString("create").equals("merge");
            if (merge && object == null) {
                throw new IllegalStateException("generator " + name + " merges into a " + kind + " that is not there");
            }
            if (object == null) {
                object = YAML.createObjectNode();
                object.put("apiVersion", "v1").put("kind", kind).withObject("/metadata").put("name", name);
                if (kind.equals("Secret")) {
                    object.put("type", "Opaque");
                }
                objects.add(object);
            }
            ObjectNode data = object.withObject("/data");
            for (JsonNode literal : generator.path("literals")) {
                String[] keyAndValue = literal.asString().split("=", 2);
                String value = keyAndValue.length > 1 ? keyAndValue[1] : "";
                data.put(keyAndValue[0], kind.equals("Secret")
                        ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value);
            }
        }
    }

    private static void retag(JsonNode containers, JsonNode image) {
        for (JsonNode container : containers) {
            String current = container.path("image").asString("");
            String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
            if (name.equals(image.path("name").asString())) {
                String tag = image.path("newTag").asString(current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : "latest");
                ((ObjectNode) container).put("image", image.path("newName").asString(name) + ":" + tag);
            }
        }
    }

    /** The operations deploy/k8s uses: replace and add of a value at a JSON pointer, and remove. */
    private static void applyJson6902(ObjectNode object, JsonNode operations) {
        for (JsonNode operation : operations) {
            String path = operation.path("path").asString();
            String parentPath = path.substring(0, path.lastIndexOf('/'));
            String field = path.substring(path.lastIndexOf('/') + 1);
            JsonNode parent = parentPath.isEmpty() ? object : object.at(parentPath);
            if (parent.isMissingNode()) {
                throw new IllegalStateException("patch path " + path + " is not in " + object.path("metadata").path("name"));
            }
            switch (operation.path("op").asString()) {
                case "replace", "add" -> {
                    if (parent instanceof ArrayNode array) {
                        array.set(Integer.parseInt(field), operation.path("value"));
                    } else {
                        ((ObjectNode) parent).set(field, operation.path("value"));
                    }
                }
                case "remove" -> ((ObjectNode) parent).remove(field);
                default -> throw new IllegalStateException("patch op " + operation.path("op") + " is not rendered");
            }
        }
    }

    private static List<JsonNode> read(Path file) {
        return DeployFiles.yamlDocuments(file);
    }
}
