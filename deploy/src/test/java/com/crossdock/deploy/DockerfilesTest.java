package com.crossdock.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile of every service (deploy/Dockerfile), as each compose service builds it: the base image, the
 * layered jar of the module its build arguments name, that module's config name and port, and a non-root user.
 */
class DockerfilesTest {

    private static final String BASE_IMAGE = "eclipse-temurin:17-jre";
    /** Spring Boot's layers, least often changed first so Docker reuses them between builds. */
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    private static final Path DOCKERFILE = DeployFiles.repositoryRoot().resolve("deploy/Dockerfile");
    /** The same image built from source (context: the repository's root), for a machine with Docker only. */
    private static final Path FROM_SOURCE = DeployFiles.repositoryRoot().resolve("deploy/Dockerfile.source");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingress-webhooks, 8080", "paqtana-publisher, 8082", "prodsmart-poller, 8083", "sandboxes, 8090"})
    void buildsTheServiceFromItsLayeredJarOnTemurin17(String module, int port) {
        Path moduleDirectory = DeployFiles.repositoryRoot().resolve(module);
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE).withBuildArgs(ComposeBuild.of(module).args());
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

    @Test
    void runsAsANumericNonRootUserWithAHeapSizedToTheContainer() {
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);

        String uid = dockerfile.last("USER").split(":")[0];
        List<String> entrypoint = JsonMapper.builder().build()
                .readerForListOf(String.class).readValue(dockerfile.last("ENTRYPOINT"));

        // Kubernetes' runAsNonRoot can only verify a numeric user.
        assertThat(uid).matches("[0-9]+").isNotEqualTo("0");
        // Exec form: java is PID 1 and receives SIGTERM for the graceful shutdown.
        assertThat(entrypoint).containsExactly("java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar");
    }

    @Test
    void namesTheProjectVersionOfThePomAsTheDefaultVersion() {
        MavenCoordinates root = MavenCoordinates.of(DeployFiles.repositoryRoot().resolve("pom.xml"));

        assertThat(Dockerfile.read(DOCKERFILE).argDefaults()).containsEntry("VERSION", root.version());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes"})
    void isTheBuildOfItsComposeServiceWithTheModuleAndPortAsBuildArgs(String module) {
        ComposeBuild build = ComposeBuild.of(module);
        Map<String, String> environment = DeployFiles.composeEnvironment(module);

        assertThat(build.context()).isEqualTo(DeployFiles.repositoryRoot().resolve(module));
        assertThat(build.dockerfile()).isEqualTo(DOCKERFILE);
        assertThat(build.args()).containsEntry("MODULE", module);
        assertThat(build.args().get("PORT")).isEqualTo(environment.get("SERVER_PORT"));
    }

    @Test
    void labelsTheFinalImageWithTheOciAnnotationsOfItsModuleVersionAndRevision() {
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE).withBuildArgs(
                Map.of("MODULE", "paqtana-publisher", "PORT", "8082", "VERSION", "1.2.3", "REVISION", "0123abc"));
        List<String> keywords = dockerfile.instructions().stream().map(Dockerfile.Instruction::keyword).toList();
        Map<String, String> labels = new TreeMap<>();
        for (String label : dockerfile.all("LABEL")) {
            var pair = java.util.regex.Pattern.compile("([a-z0-9.]+)=\"([^\"]*)\"").matcher(label);
            while (pair.find()) {
                labels.put(pair.group(1), pair.group(2));
            }
        }

        // a LABEL of an earlier stage does not reach the image: it must follow the last FROM
        assertThat(keywords.lastIndexOf("LABEL")).isGreaterThan(keywords.lastIndexOf("FROM"));
        assertThat(labels).containsEntry("org.opencontainers.image.title", "crossdock-paqtana-publisher")
                .containsEntry("org.opencontainers.image.version", "1.2.3")
                .containsEntry("org.opencontainers.image.revision", "0123abc")
                .containsKeys("org.opencontainers.image.created", "org.opencontainers.image.description");
        assertThat(Dockerfile.read(DOCKERFILE).argDefaults()).containsEntry("REVISION", "unknown");
    }

    @Test
    void itsDockerignoreLeavesOnlyTheExecJarInTheContext() throws java.io.IOException {
        // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile in place of the context's .dockerignore
        List<String> rules = Files.readAllLines(DOCKERFILE.resolveSibling("Dockerfile.dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        MavenCoordinates coordinates = MavenCoordinates.of(DeployFiles.repositoryRoot().resolve("ingress-webhooks/pom.xml"));

        assertThat(rules).containsExactly("*", "!target/*-exec.jar");
        assertThat(Dockerfile.read(DOCKERFILE).withBuildArgs(ComposeBuild.of("ingress-webhooks").args()).all("COPY"))
                .filteredOn(copy -> !copy.startsWith("--from="))
                .allSatisfy(copy -> assertThat(copy.split("\\s+")[0]).matches("target/[^/]+-exec\\.jar")
                        .isEqualTo("target/" + coordinates.execJar()));
    }

    @Test
    void leavesNoDockerfileOfItsOwnInAServiceModule() {
        assertThat(List.of("ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes"))
                .allSatisfy(module -> assertThat(Files.exists(DeployFiles.repositoryRoot().resolve(module).resolve("Dockerfile")))
                        .as("%s/Dockerfile next to deploy/Dockerfile", module).isFalse());
    }

    @Test
    void fromSourceBuildsTheModuleWithWhatItNeedsInAJdkStageThenRunsItAsTheJarBuiltImageDoes() {
        Dockerfile source = Dockerfile.read(FROM_SOURCE);
        assertThat(source.all("FROM").get(0)).isEqualTo("eclipse-temurin:17-jdk AS layers");
        assertThat(source.all("RUN")).anySatisfy(run -> assertThat(run).contains("./mvnw -B")
                .contains("-pl \"$MODULE\" -am").contains("-DskipTests package")
                .contains("$MODULE/target/$MODULE-$VERSION-exec.jar"));
        assertThat(source.all("COPY").get(0)).isEqualTo(". .");
        // from its last FROM on, the image is deploy/Dockerfile's: same base, user, layers, labels and entry point
        assertThat(runtimeStage(source)).isNotEmpty().isEqualTo(runtimeStage(Dockerfile.read(DOCKERFILE)));
        assertThat(source.argDefaults()).isEqualTo(Dockerfile.read(DOCKERFILE).argDefaults());
    }

    @Test
    void fromSourceSendsTheSourcesAndGitButNoBuildOutputOrLocalFiles() throws java.io.IOException {
        List<String> rules = Files.readAllLines(FROM_SOURCE.resolveSibling("Dockerfile.source.dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(rules).contains("**/target", "**/.env", ".local").noneMatch(rule -> rule.contains(".git")
                || rule.contains("src") || rule.contains(".mvn") || rule.equals("*"));
    }

    private static List<Dockerfile.Instruction> runtimeStage(Dockerfile dockerfile) {
        List<String> keywords = dockerfile.instructions().stream().map(Dockerfile.Instruction::keyword).toList();
        return dockerfile.instructions().subList(keywords.lastIndexOf("FROM"), keywords.size());
    }

    /** A compose service's build section: context, Dockerfile (relative to the context) and arguments. */
    record ComposeBuild(Path context, Path dockerfile, Map<String, String> args) {

        static ComposeBuild of(String service) {
            var build = DeployFiles.yaml(DeployFiles.composeFile()).path("services").path(service).path("build");
            Path context = DeployFiles.repositoryRoot().resolve(build.path("context").asString()).normalize();
            Map<String, String> args = new TreeMap<>();
            build.path("args").properties().forEach(arg -> args.put(arg.getKey(), arg.getValue().asString()));
            return new ComposeBuild(context, context.resolve(build.path("dockerfile").asString("Dockerfile")).normalize(),
                    args);
        }
    }
}
