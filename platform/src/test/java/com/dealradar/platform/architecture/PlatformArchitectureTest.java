package com.dealradar.platform.architecture;

import com.dealradar.platform.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The platform holds cross-cutting code only (see ArchitectureRules). */
class PlatformArchitectureTest {

    @TestFactory
    Stream<DynamicTest> platformKnowsNoService() {
        JavaClasses classes = ArchitectureRules.mainClasses("com.dealradar.platform");
        return ArchitectureRules.platform().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
