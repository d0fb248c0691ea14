package com.crossdock.structure;

import java.util.ArrayList;
import java.util.List;

import com.crossdock.structure.Reactor.Dependency;
import com.crossdock.structure.Reactor.Module;

/**
 * The dependency rules between modules, read from the poms (what Maven builds with, whatever the classes say):
 * <ol>
 *   <li>the sandboxes reach no module's main classpath but the launcher's: everyone else depends on them in test
 *       scope only (the test kit may, being test code itself, see the next rule);</li>
 *   <li>the test kit likewise: test scope only, except in the launcher and in the test kit itself (its Kafka part
 *       builds on its part without platform);</li>
 *   <li>nothing but the launcher depends on a service, in any scope: a service does not depend on another
 *       service, and neither a vendor library nor any other library depends on a service.</li>
 * </ol>
 * Modules without main code (checks) are left out: they read everything by design.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    static List<String> violations(Reactor reactor) {
        List<String> violations = new ArrayList<>();
        for (Module module : reactor.modules().values()) {
            ModuleRole role = ModuleRole.of(module);
            if (role == ModuleRole.CHECKS || role == ModuleRole.LAUNCHER) {
                continue;
            }
            for (Dependency dependency : module.dependencies()) {
                ModuleRole target = ModuleRole.of(reactor.module(dependency.module()));
                if (target == ModuleRole.SANDBOX && role != ModuleRole.TEST_KIT && !dependency.testOnly()) {
                    violations.add(describe(module, role, dependency, "only tests and the launcher may use the sandboxes"));
                }
                if (target == ModuleRole.TEST_KIT && role != ModuleRole.TEST_KIT && !dependency.testOnly()) {
                    violations.add(describe(module, role, dependency, "only tests and the launcher may use the test kit"));
                }
                if (target == ModuleRole.SERVICE) {
                    violations.add(describe(module, role, dependency, "nothing but the launcher depends on a service"));
                }
            }
        }
        return violations;
    }

    private static String describe(Module module, ModuleRole role, Dependency dependency, String rule) {
        return module.name() + " (" + role.label() + ") depends on " + dependency.module() + " in scope "
                + dependency.scope() + ": " + rule;
    }
}
