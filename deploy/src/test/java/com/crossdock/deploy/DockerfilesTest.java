package com.crossdock.deploy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's Dockerfile: the base image, the layered jar, the service's name, port and a non-root user. */
class DockerfilesTest {

    private static final String BASE_IMAGE = "eclipse-temurin:17-jre";
    /** Spring Boot's layers, least often changed first so Docker reuses them between builds. */
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingress-webhooks, 8080", "paqtana-publisher, 8082", "prodsmart-poller, 8083", "sandboxes, 8090"})
    void buildsTheServiceFromItsLayeredJarOnTemurin17(String module, int port) {
        Path moduleDirectory = DeployFiles.repositoryRoot().resolve(module);
        Dockerfile dockerfile = Dockerfile.read(moduleDirectory.resolve("Dockerfile"));
        MavenCoordinates coordinates = MavenCoordinates.of(moduleDirectory.resolve("pom.xml"));

        assertThat(dockerfile.all("FROM")).isNotEmpty()
                .allSatisfy(from -> assertThat(from.split("\\s+")[0]).isEqualTo(BASE_IMAGE));
        assertThat(dockerfile.all("COPY"))
                .anySatisfy(copy -> assertThat(copy).startsWith("target/" + coordinates.execJar() + " "));
        assertThat(dockerfile.all("RUN"))
                .anySatisfy(run -> assertThat(run).contains("-Djarmode=tools").contains("extract --layers"));
        assertThat(dockerfile.all("COPY").stream().filter(copy -> copy.startsWith("--from=")).toList())
                .hasSize(LAYERS.size())
                .satisfies(copies -> {
                    for (int i = 0; i < LAYERS.size(); i++) {
                        assertThat(copies.get(i)).contains("/extracted/" + LAYERS.get(i) + "/");
                    }
                });
        assertThat(dockerfile.all("ENV")).anySatisfy(env -> assertThat(env).contains("SPRING_CONFIG_NAME=" + module));
        assertThat(dockerfile.all("EXPOSE")).containsExactly(String.valueOf(port));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes"})
    void runsAsANumericNonRootUserWithAHeapSizedToTheContainer(String module) {
        Dockerfile dockerfile = Dockerfile.read(DeployFiles.repositoryRoot().resolve(module).resolve("Dockerfile"));

        String uid = dockerfile.last("USER").split(":")[0];
        List<String> entrypoint = JsonMapper.builder().build()
                .readerForListOf(String.class).readValue(dockerfile.last("ENTRYPOINT"));

        // Kubernetes' runAsNonRoot can only verify a numeric user.
        assertThat(uid).matches("[0-9]+").isNotEqualTo("0");
        // Exec form: java is PID 1 and receives SIGTERM for the graceful shutdown.
        assertThat(entrypoint).containsExactly("java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes"})
    void isTheBuildOfItsComposeService(String module) {
        var build = DeployFiles.yaml(DeployFiles.composeFile()).path("services").path(module).path("build");

        Path context = DeployFiles.repositoryRoot().resolve(build.path("context").asString()).normalize();

        assertThat(context).isEqualTo(DeployFiles.repositoryRoot().resolve(module));
        assertThat(context.resolve(build.path("dockerfile").asString("Dockerfile"))).isRegularFile();
    }
}
