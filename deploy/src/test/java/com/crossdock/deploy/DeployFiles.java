package com.crossdock.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    static JsonNode yaml(Path file) {
        return YAML.readTree(file);
    }

    /** Every non-empty document of a multi-document YAML file. */
    static List<JsonNode> yamlDocuments(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file)) {
            return documents.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
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
