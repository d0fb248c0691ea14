package com.crossdock.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crossdock.deploy.KubernetesManifests.Container;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay Job (deploy/k8s/jobs/replay-job.example.yaml) runs as written: on the operator's image, built like the
 * services' from deploy/Dockerfile, with the Kafka and registry of the local overlay (the registry's URL in the form
 * compose's registry has too). Its pod's restricted Pod Security level is {@link KubernetesWorkloadsTest}'s.
 */
class ReplayJobTest {

    private static final Path JOB = DeployFiles.kubernetesDirectory().resolve("jobs/replay-job.example.yaml");
    private static final Path LOCAL = DeployFiles.kubernetesDirectory().resolve("overlays/local/kustomization.yaml");
    private static final Path README = DeployFiles.repositoryRoot().resolve("deploy/README.md");
    private static final Pattern BUILD_LOOP = Pattern.compile("^for service in ([^;]+); do$", Pattern.MULTILINE);
    private static final String REGISTRY_URL = "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL";

    @Test
    void runsTheOperatorsImageWhoseEntryPointRunsTheOperator() {
        JsonNode container = operator().spec();

        assertThat(DeployedVariables.crossdockModule(container.path("image").asString())).isEqualTo("operator");
        // the image's ENTRYPOINT (java ... -jar app.jar) is the operator's main: a command would replace it
        assertThat(container.has("command")).as("command of the replay Job").isFalse();
        assertThat(container.path("args").values()).extracting(JsonNode::asString).startsWith("dlt", "replay");
    }

    @Test
    void theOperatorsImageIsBuiltFromItsExecJarByTheDockerfile() throws IOException {
        Path module = DeployFiles.repositoryRoot().resolve("operator");
        MavenCoordinates coordinates = MavenCoordinates.of(module.resolve("pom.xml"));
        Dockerfile dockerfile = Dockerfile.read(DeployFiles.repositoryRoot().resolve("deploy/Dockerfile"))
                .withBuildArgs(Map.of("MODULE", "operator", "PORT", "9091"));

        assertThat(Files.readString(module.resolve("pom.xml"))).contains("<classifier>exec</classifier>");
        assertThat(dockerfile.all("COPY"))
                .anySatisfy(copy -> assertThat(copy).startsWith("target/" + coordinates.execJar() + " "));
    }

    @Test
    void everyCrossdockImageOfTheManifestsIsBuiltByEachLoopOfTheReadme() throws IOException {
        Set<String> imaged = new TreeSet<>();
        KubernetesManifests.containers().forEach(container -> {
            String module = DeployedVariables.crossdockModule(container.spec().path("image").asString(""));
            if (module != null) {
                imaged.add(module);
            }
        });
        Matcher loops = BUILD_LOOP.matcher(Files.readString(README));
        int count = 0;
        while (loops.find()) {
            count++;
            Set<String> built = new TreeSet<>();
            for (String service : loops.group(1).strip().split("\\s+")) {
                built.add(service.split(":")[0]);
            }
            assertThat(built).as("modules built by `for service in %s`", loops.group(1)).containsAll(imaged);
        }
        assertThat(imaged).contains("operator", "ingress-webhooks");
        assertThat(count).as("build loops in %s", README).isEqualTo(2);
    }

    @Test
    void reachesKafkaAndTheRegistryAsTheLocalOverlaysServicesDo() {
        Map<String, String> job = environment(operator().spec());
        Map<String, String> local = KubernetesManifests.generatorLiterals(LOCAL, "configMapGenerator").get("crossdock-kafka");

        assertThat(job).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", local.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .containsEntry(REGISTRY_URL, local.get(REGISTRY_URL));
    }

    @Test
    void namesTheRegistrysConfluentApiAsComposeDoes() {
        URI job = URI.create(environment(operator().spec()).get(REGISTRY_URL));
        URI compose = URI.create(DeployFiles.composeEnvironment("paqtana-publisher").get(REGISTRY_URL));

        // Apicurio serves the Confluent API below /apis/ccompat/v7, in compose and in the cluster alike
        assertThat(job.getPath()).isEqualTo(compose.getPath()).isNotEmpty();
        assertThat(job.getScheme()).isEqualTo(compose.getScheme());
    }

    private static Container operator() {
        List<Container> containers = KubernetesManifests.containers().stream()
                .filter(container -> container.workload().file().equals(JOB))
                .toList();
        assertThat(containers).hasSize(1);
        assertThat(containers.get(0).workload().kind()).isEqualTo("Job");
        return containers.get(0);
    }

    private static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new TreeMap<>();
        container.path("env").values().forEach(env ->
                environment.put(env.path("name").asString(), env.path("value").asString()));
        return environment;
    }
}
