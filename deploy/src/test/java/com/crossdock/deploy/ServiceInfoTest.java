package com.crossdock.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.info.BuildInfoContributor;
import org.springframework.boot.actuate.info.GitInfoContributor;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /actuator/info} of each service shows, from the files its build writes into its classes (and so into
 * its jar and image): the version (Boot's build-info goal) and the git commit (git-commit-id-maven-plugin), read the
 * way Boot's info contributors read them. The services are built first ({@code -am}).
 */
class ServiceInfoTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes"})
    void infoShowsTheVersionAndTheGitCommitTheServiceWasBuiltFrom(String module) throws IOException {
        Path classes = DeployFiles.repositoryRoot().resolve(module).resolve("target/classes");
        MavenCoordinates coordinates = MavenCoordinates.of(DeployFiles.repositoryRoot().resolve(module).resolve("pom.xml"));
        BuildProperties build = new BuildProperties(entries(classes.resolve("META-INF/build-info.properties"), "build."));
        GitProperties git = new GitProperties(entries(classes.resolve("git.properties"), "git."));

        Map<String, Object> info = new InfoEndpoint(List.of(
                new BuildInfoContributor(build), new GitInfoContributor(git))).info();

        assertThat(info).containsKeys("build", "git");
        assertThat(build.getVersion()).isEqualTo(coordinates.version());
        assertThat(build.getArtifact()).isEqualTo(module);
        assertThat(git.getCommitId()).matches("[0-9a-f]{40}");
        assertThat(git.getShortCommitId()).isEqualTo(git.getCommitId().substring(0, 7));
    }

    /** A properties file's entries with the prefix Boot's info beans drop ("git.", "build."). */
    private static Properties entries(Path file, String prefix) throws IOException {
        assertThat(file).as("written by the build").isRegularFile();
        Properties all = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            all.load(in);
        }
        Properties entries = new Properties();
        all.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> entries.setProperty(key.substring(prefix.length()), all.getProperty(key)));
        return entries;
    }
}
