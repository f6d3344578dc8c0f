package com.dealradar.company.architecture;

import com.dealradar.platform.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** api -> domain -> persistence/client, transactions in domain services, no other service's code (see ArchitectureRules). */
class CompanyArchitectureTest {

    @TestFactory
    Stream<DynamicTest> layers() {
        JavaClasses classes = ArchitectureRules.mainClasses("com.dealradar.company");
        return ArchitectureRules.layeredService("com.dealradar.company").stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
