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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings are documented once, on the records (docs/settings.md): every module of a deployed service that
 * declares {@code @ConfigurationProperties} has Boot's generated metadata, and every key in it has a description
 * (a component's {@code @param}, or the module's additional metadata where the processor cannot read the Javadoc).
 */
class ConfigurationMetadataTest {

    private static final List<String> SERVICES = List.of("ingress-webhooks", "paqtana-publisher", "prodsmart-poller",
            "serpi-sync", "order-bridge", "supplier-gateway", "sandboxes");

    @Test
    void everyModuleWithPropertiesRecordsHasItsGeneratedMetadata() {
        Set<String> modules = modulesOfTheServices();
        Set<String> declaring = new TreeSet<>(modules.stream().filter(ConfigurationMetadataTest::declaresProperties).toList());

        assertThat(declaring).contains("platform", "vendor-prodsmart", "ingress-webhooks", "paqtana-publisher",
                "prodsmart-poller", "serpi-sync", "vendor-serpi", "order-bridge", "supplier-gateway", "sandboxes");
        assertThat(declaring).allSatisfy(module -> assertThat(metadata(module)).as(module).isRegularFile());
    }

    @Test
    void everyKeyOfTheServicesIsDescribed() {
        Map<String, String> undescribed = new TreeMap<>();
        for (String module : modulesOfTheServices()) {
            if (Files.isRegularFile(metadata(module))) {
                JsonNode properties = JsonMapper.builder().build().readTree(metadata(module).toFile()).path("properties");
                properties.values().stream().filter(property -> property.path("description").asString("").isBlank())
                        .forEach(property -> undescribed.put(property.path("name").asString(), module));
            }
        }

        assertThat(undescribed).as("keys without a description (a record component without @param?)").isEmpty();
    }

    private static Set<String> modulesOfTheServices() {
        Set<String> modules = new TreeSet<>();
        SERVICES.forEach(service -> modules.addAll(ReactorModules.runtimeClosure(service)));
        return modules;
    }

    private static Path metadata(String module) {
        return DeployFiles.repositoryRoot().resolve(module).resolve("target/classes").resolve(ConfigurationKeys.METADATA);
    }

    private static boolean declaresProperties(String module) {
        Path sources = DeployFiles.repositoryRoot().resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                try {
                    return Files.readString(file).contains("@ConfigurationProperties(");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
