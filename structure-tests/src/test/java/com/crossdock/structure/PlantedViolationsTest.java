package com.crossdock.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import com.crossdock.structure.planted.PlantedListeners;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Each rule shown able to fail: the checkers run over planted violations (a small reactor under
 * {@code src/test/resources/planted}, and {@link PlantedListeners}) and must report exactly those.
 */
class PlantedViolationsTest {

    private final Reactor planted = Reactor.read(plantedRoot());

    @Test
    void reportsTopicNamesAndSuffixesSpelledOutsideTopics() {
        List<String> violations = TopicLiterals.violations(planted);

        assertThat(violations).containsExactly(
                "svc-a/src/main/java/com/acme/Planted.java:7: \"crossdock.things-happened.v1\" names a topic; use Topics",
                "svc-a/src/main/java/com/acme/Planted.java:8: \".dlt\" spells a topic suffix; use Topics",
                "svc-a/src/main/java/com/acme/Planted.java:9: \"crossdock.acme-poller.lease\" spells a topic suffix; use Topics",
                "svc-a/src/main/java/com/acme/Planted.java:14: \"parked in crossdock.things-happened.v2.grp.parked\" names a topic; use Topics",
                "svc-b/src/main/resources/application.yml:3: raw-topic: crossdock.things-raw.v1: topic names are not settings; use Topics",
                "local-stack/src/main/java/com/crossdock/local/Launcher.java:4: \"crossdock.launcher-raw.v1\" names a topic; use Topics");
    }

    @Test
    void reportsModuleDependenciesTheirRolesForbid() {
        assertThat(ModuleRules.violations(planted)).containsExactly(
                "svc-a (service) depends on svc-b in scope compile: nothing but the launcher depends on a service",
                "svc-a (service) depends on sandboxes in scope runtime: only tests and the launcher may use the sandboxes",
                "svc-a (service) depends on testing in scope compile: only tests and the launcher may use the test kit",
                "vendor-acme (vendor library) depends on test-kit in scope compile: only tests and the launcher may use the test kit",
                "vendor-acme (vendor library) depends on svc-b in scope test: nothing but the launcher depends on a service");
    }

    @Test
    void readsEachModulesRoleFromTheModule() {
        assertThat(ModuleRole.of(planted.module("svc-a"))).isEqualTo(ModuleRole.SERVICE);
        assertThat(ModuleRole.of(planted.module("kit-x"))).as("a kit beside platform is a library").isEqualTo(ModuleRole.LIBRARY);
        assertThat(ModuleRole.of(planted.module("vendor-acme"))).isEqualTo(ModuleRole.VENDOR_LIBRARY);
        assertThat(ModuleRole.of(planted.module("checks"))).isEqualTo(ModuleRole.CHECKS);
        assertThat(ModuleRole.of(planted.module("test-kit"))).isEqualTo(ModuleRole.TEST_KIT);
    }

    @Test
    void reportsListenersThatDoNotListenOnTheirConsumerGroupBean() {
        JavaClasses classes = new ClassFileImporter().importClasses(PlantedListeners.class);

        List<String> failures = ListenerRules.listenersListenOnTheirConsumerGroupBean(classes).evaluate(classes)
                .getFailureReport().getDetails();

        assertThat(failures).hasSize(3);
        assertThat(failures).anyMatch(f -> f.contains("literalTopics") && f.contains("instead of \"#{@<consumer group bean>.listenTopics()}\""));
        assertThat(failures).anyMatch(f -> f.contains("anotherGroup") && f.contains("groupId \"another-group\""));
        assertThat(failures).anyMatch(f -> f.contains("beanThatIsNoConsumerGroup") && f.contains("no @Bean method returning ConsumerGroup"));
    }

    private static Path plantedRoot() {
        try {
            return Path.of(PlantedViolationsTest.class.getResource("/planted/pom.xml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
