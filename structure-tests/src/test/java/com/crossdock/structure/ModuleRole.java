package com.crossdock.structure;

import com.crossdock.structure.Reactor.Module;

/**
 * What a module is for, read from the module itself rather than from a list of names, so that a new vendor
 * service, a vendor library or a kit module gets its role without this file changing.
 */
enum ModuleRole {

    /** No main code: static checks of the repository (deploy, structure-tests); they may read every module. */
    CHECKS,
    /** {@code local-stack}: runs the sandboxes and every service in one JVM. */
    LAUNCHER,
    /** {@code sandboxes}: fakes of the vendors' APIs, for tests and the launcher only. */
    SANDBOX,
    /**
     * The test kit, for tests and the launcher only: {@code test-kit} (no platform dependency, so platform's own
     * tests use it) and {@code testing} (the Kafka and registry part, which needs platform).
     */
    TEST_KIT,
    /** {@code vendor-<name>}: one vendor's payloads and mapping, used by every module that reads that vendor. */
    VENDOR_LIBRARY,
    /** A module that builds a runnable Spring Boot jar (ingress-webhooks, paqtana-publisher, operator, ...). */
    SERVICE,
    /** Everything else with code: platform, schemas, kits beside platform. */
    LIBRARY;

    static ModuleRole of(Module module) {
        if (!module.hasMainCode()) {
            return CHECKS;
        }
        return switch (module.name()) {
            case "local-stack" -> LAUNCHER;
            case "sandboxes" -> SANDBOX;
            case "testing", "test-kit" -> TEST_KIT;
            default -> module.name().startsWith("vendor-") ? VENDOR_LIBRARY : module.runnable() ? SERVICE : LIBRARY;
        };
    }

    String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
