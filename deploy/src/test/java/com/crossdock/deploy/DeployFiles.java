package com.crossdock.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The deployment files of the repository, read as YAML trees. */
final class DeployFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private DeployFiles() {
    }

    /** The repository root: the parent of this module's directory, where Maven runs the tests. */
    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return module.getParent();
    }

    static Path composeFile() {
        return repositoryRoot().resolve("docker-compose.yml");
    }

    static Path kubernetesDirectory() {
        return repositoryRoot().resolve("deploy/k8s");
    }

    /** Every YAML file under deploy/k8s, in a stable order. */
    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.walk(kubernetesDirectory())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment of a compose service of docker-compose.yml. */
    static Map<String, String> composeEnvironment(String service) {
        return environment(yaml(composeFile()).path("services").path(service));
    }

    /** A compose service's environment, in the map ({NAME: value}) or the list (["NAME=value"]) syntax. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> variables = new TreeMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.values().forEach(entry -> {
                String[] nameAndValue = entry.asString().split("=", 2);
                variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            });
        } else {
            environment.properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue().asString()));
        }
        return variables;
    }

    static JsonNode yaml(Path file) {
        return YAML.readTree(file);
    }

    /** Every non-empty document of a multi-document YAML file. */
    static List<JsonNode> yamlDocuments(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file)) {
            return documents.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
        }
    }

    /** A file of this module's test resources. */
    /**
     * A service's actuator port, {@code management.server.port} of its {@code <module>.yml}: its public port + 1000
     * (deploy/README.md "Ports"); -1 when its yml sets none.
     */
    static int managementPort(String module) {
        Path yml = repositoryRoot().resolve(module).resolve("src/main/resources").resolve(module + ".yml");
        return yamlDocuments(yml).stream().mapToInt(document -> document.path("management").path("server")
                .path("port").asInt(-1)).filter(port -> port > 0).findFirst().orElse(-1);
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(DeployFiles.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalArgumentException("no test resource " + name, e);
        }
    }

    static JsonNode yamlResource(String name) {
        try (InputStream in = DeployFiles.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
