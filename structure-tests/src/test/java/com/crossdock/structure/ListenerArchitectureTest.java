package com.crossdock.structure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The class-level rules over the main classes of every module this module depends on (see its pom). */
@AnalyzeClasses(packages = "com.crossdock", importOptions = ImportOption.DoNotIncludeTests.class)
class ListenerArchitectureTest {

    @ArchTest
    static void listenersListenOnTheirConsumerGroupBean(JavaClasses classes) {
        ListenerRules.listenersListenOnTheirConsumerGroupBean(classes).check(classes);
    }
}
