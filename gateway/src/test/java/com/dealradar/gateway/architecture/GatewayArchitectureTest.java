package com.dealradar.gateway.architecture;

import com.dealradar.platform.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The gateway's packages are by feature (partner, ratelimit, security, composite), not by layer; it keeps the rules
 * every service keeps: resources start no transaction and hold no repository, no other service's code (see
 * ArchitectureRules).
 */
class GatewayArchitectureTest {

    @TestFactory
    Stream<DynamicTest> rules() {
        JavaClasses classes = ArchitectureRules.mainClasses("com.dealradar.gateway");
        return ArchitectureRules.commonRules("com.dealradar.gateway").stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
