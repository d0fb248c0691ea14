package com.crossdock.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.crossdock.structure.Reactor.Dependency;
import com.crossdock.structure.Reactor.Module;
import org.junit.jupiter.api.Test;

/** The repository's own sources and poms against the rules; {@link PlantedViolationsTest} shows each can fail. */
class StructureTest {

    private final Reactor reactor = Reactor.ofThisRepository();

    @Test
    void noTopicNameOrSuffixIsSpelledOutsideTopics() {
        assertThat(TopicLiterals.violations(reactor)).isEmpty();
    }

    @Test
    void modulesDependOnEachOtherAsTheirRolesAllow() {
        assertThat(ModuleRules.violations(reactor)).isEmpty();
    }

    @Test
    void theClassRulesSeeEveryModuleWithCode() {
        List<String> seen = reactor.module("structure-tests").dependencies().stream().map(Dependency::module).toList();

        List<String> unseen = reactor.modules().values().stream()
                .filter(module -> ModuleRole.of(module) != ModuleRole.CHECKS && ModuleRole.of(module) != ModuleRole.LAUNCHER)
                .map(Module::name).filter(name -> !seen.contains(name)).toList();

        assertThat(unseen).as("modules with code missing from structure-tests/pom.xml (add them in test scope)").isEmpty();
    }

    @Test
    void rolesAreReadFromTheModules() {
        assertThat(ModuleRole.of(reactor.module("ingress-webhooks"))).isEqualTo(ModuleRole.SERVICE);
        assertThat(ModuleRole.of(reactor.module("operator"))).isEqualTo(ModuleRole.SERVICE);
        assertThat(ModuleRole.of(reactor.module("platform"))).isEqualTo(ModuleRole.LIBRARY);
        assertThat(ModuleRole.of(reactor.module("sandboxes"))).isEqualTo(ModuleRole.SANDBOX);
        assertThat(ModuleRole.of(reactor.module("test-kit"))).isEqualTo(ModuleRole.TEST_KIT);
        assertThat(ModuleRole.of(reactor.module("testing"))).isEqualTo(ModuleRole.TEST_KIT);
        assertThat(ModuleRole.of(reactor.module("local-stack"))).isEqualTo(ModuleRole.LAUNCHER);
        assertThat(ModuleRole.of(reactor.module("deploy"))).isEqualTo(ModuleRole.CHECKS);
    }
}
