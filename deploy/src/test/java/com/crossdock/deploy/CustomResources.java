package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a custom resource against the {@code openAPIV3Schema} of its CustomResourceDefinition, as the API server
 * does on {@code kubectl apply} (strict field validation, kubectl's default): the Prometheus Operator's CRDs for
 * ServiceMonitor and PrometheusRule, vendored under src/test/resources/crds (their README names the release). The
 * schema is the CRD's own, validated by networknt's JSON-schema validator (an OpenAPI v3 schema is JSON Schema draft 4
 * plus annotations), with what the API server adds to it: a field the schema does not define is refused (Kubernetes
 * prunes or, strict, refuses unknown fields; JSON Schema would let them through), except under
 * {@code x-kubernetes-preserve-unknown-fields}; and {@code metadata} is checked by the Kubernetes API's ObjectMeta
 * ({@link KubernetesApi}).
 */
final class CustomResources {

    static final Path DEFINITIONS = DeployFiles.resourcePath("crds/prometheus-operator");
    /** The OpenAPI / Kubernetes keywords of a structural schema, annotations for the validator. */
    private static final List<String> KUBERNETES_KEYWORDS = List.of("x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource", "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-validations", "nullable", "example",
            "externalDocs");
    private static final Map<String, Schema> SCHEMAS = load();

    private CustomResources() {
    }

    /** The kinds the vendored definitions describe, as {@code group/version Kind}. */
    static Set<String> kinds() {
        return new TreeSet<>(SCHEMAS.keySet());
    }

    /** Why {@code object} is not a valid custom resource of its definition; null when it is. */
    static String problem(JsonNode object) {
        String apiKind = object.path("apiVersion").asString("") + " " + object.path("kind").asString("");
        Schema schema = SCHEMAS.get(apiKind);
        String name = object.path("kind").asString("") + " " + object.path("metadata").path("name").asString("");
        if (schema == null) {
            return "no CustomResourceDefinition for " + apiKind + " in " + DEFINITIONS;
        }
        List<String> problems = new java.util.ArrayList<>(schema.validate(object).stream().map(Error::toString).toList());
        ObjectNode meta = object.path("metadata").isObject() ? ((ObjectNode) object.path("metadata")).deepCopy() : null;
        if (meta != null) {
            ObjectNode asObject = meta.objectNode();
            asObject.put("apiVersion", "v1").put("kind", "ConfigMap").set("metadata", meta);
            String metadataProblem = KubernetesApi.problem(asObject);
            if (metadataProblem != null) {
                problems.add("metadata: " + metadataProblem);
            }
        }
        return problems.isEmpty() ? null : name + ": " + String.join("; ", problems);
    }

    private static Map<String, Schema> load() {
        var dialect = Dialect.builder(Dialects.getDraft4());
        KUBERNETES_KEYWORDS.forEach(keyword -> dialect.keyword(new AnnotationKeyword(keyword)));
        SchemaRegistry registry = SchemaRegistry.builder().defaultDialectId(DialectId.DRAFT_4)
                .dialectRegistry(new BasicDialectRegistry(dialect.build())).build();
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(DEFINITIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode crd : DeployFiles.yamlDocuments(file)) {
                    String group = crd.path("spec").path("group").asString();
                    String kind = crd.path("spec").path("names").path("kind").asString();
                    for (JsonNode version : crd.path("spec").path("versions").values()) {
                        if (version.path("served").asBoolean(false)) {
                            ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
                            refuseUnknownFields(schema);
                            schemas.put(group + "/" + version.path("name").asString() + " " + kind, registry.getSchema(schema));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /**
     * Every object schema with properties gets {@code additionalProperties: false} unless it says otherwise: the API
     * server keeps only the fields a structural schema defines (and, with strict field validation, refuses the others).
     */
    private static void refuseUnknownFields(JsonNode schema) {
        if (!schema.isObject()) {
            if (schema.isArray()) {
                schema.values().forEach(CustomResources::refuseUnknownFields);
            }
            return;
        }
        ObjectNode node = (ObjectNode) schema;
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        node.properties().forEach(entry -> {
            if (entry.getKey().equals("properties")) {
                entry.getValue().values().forEach(CustomResources::refuseUnknownFields);
            } else if (!entry.getKey().equals("default") && !entry.getKey().equals("enum")) {
                refuseUnknownFields(entry.getValue());
            }
        });
    }
}
