package com.dealradar.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture of the services as rules that fail the build when it is broken (see the README, "Where things go").
 * Each service module checks its own classes with {@link #layeredService} (or {@link #commonRules} for the gateway);
 * the platform checks itself with {@link #platform}. The rules read compiled classes, not source text.
 */
public final class ArchitectureRules {

    /** The base packages of the service modules: none may use another's classes (they talk over HTTP). */
    public static final List<String> SERVICES =
            List.of("com.dealradar.company", "com.dealradar.deal", "com.dealradar.region", "com.dealradar.gateway");

    private ArchitectureRules() {}

    /** The main classes (no tests) under {@code basePackage}. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /**
     * The rules of a service with the four layers: {@code api} (HTTP), {@code domain} (rules, services that own the
     * transaction), {@code persistence} (queries), {@code client} (calls to other services), plus {@code seed}.
     */
    public static List<ArchRule> layeredService(String base) {
        List<ArchRule> rules = new ArrayList<>(commonRules(base));
        rules.add(
                noClasses()
                        .that()
                        .resideInAPackage(base + ".domain..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                base + ".api..",
                                base + ".seed..",
                                "jakarta.ws.rs..",
                                "com.dealradar.platform.http..",
                                "com.dealradar.platform.idempotency..")
                        .because(
                                "the domain states rules and commands; HTTP (parsing, answers, Idempotency-Key) is the api layer's"));
        rules.add(noClasses()
                .that()
                .resideInAnyPackage(base + ".persistence..", base + ".client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(base + ".api..", base + ".seed..")
                .because("repositories and clients serve the domain, never the HTTP layer's types"));
        rules.add(noClasses()
                .that()
                .resideOutsideOfPackages(base + ".domain..", base + ".seed..", base + ".events..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(QuarkusTransaction.class)
                .because("a unit of work starts in a domain service (or, at start-up, in a seeder; or in a scheduled"
                        + " event job, whose round is its own unit of work)"));
        rules.add(noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage(base + ".domain..")
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("a unit of work starts in a domain service"));
        rules.add(noClasses()
                .that()
                .resideOutsideOfPackage(base + ".domain..")
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("a unit of work starts in a domain service"));
        rules.add(noClasses()
                .that()
                .resideInAnyPackage(base + ".api..", base + ".domain..", base + ".persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.net.http..", "io.vertx.ext.web.client..")
                .because("only the client package calls other services (with its timeouts and fault tolerance)"));
        return rules;
    }

    /** The rules every service module keeps, the gateway included. */
    public static List<ArchRule> commonRules(String base) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(base))
                .map(s -> s + "..")
                .toArray(String[]::new);
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage(base + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(others)
                        .because(
                                "services share code only through the platform module, and data only through their APIs"),
                noFields()
                        .that()
                        .areDeclaredInClassesThat()
                        .areAnnotatedWith(Path.class)
                        .should()
                        .haveRawType(describe("a repository", ArchitectureRules::isRepository))
                        .because(
                                "resources reach data through a domain service, which owns the rules and the transaction"),
                noClasses()
                        .that()
                        .areAnnotatedWith(Path.class)
                        .should()
                        .dependOnClassesThat()
                        .belongToAnyOf(QuarkusTransaction.class)
                        .orShould()
                        .beAnnotatedWith(Transactional.class)
                        .because("a resource speaks HTTP; the domain service it calls starts the unit of work"),
                noMethods()
                        .that()
                        .areDeclaredInClassesThat()
                        .areAnnotatedWith(Path.class)
                        .should()
                        .beAnnotatedWith(Transactional.class)
                        .because("a resource speaks HTTP; the domain service it calls starts the unit of work"),
                noJavax(),
                noClasses()
                        .should()
                        .callMethodWhere(describe(
                                "Thread.sleep",
                                call -> call.getTargetOwner().isEquivalentTo(Thread.class)
                                        && call.getName().equals("sleep")))
                        .because(
                                "a sleeping request thread is a blocked worker (or event loop); wait with a timeout or a timer"));
    }

    /** The platform: cross-cutting code only, no service's types and no domain entities. */
    public static List<ArchRule> platform() {
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage("com.dealradar.platform..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                        .because("the platform is shared by every service and knows none of them"),
                noClasses()
                        .that()
                        .areAnnotatedWith(Entity.class)
                        .and()
                        .doNotHaveSimpleName("IdempotencyRecord")
                        .and()
                        .doNotHaveSimpleName("WriteAuditEntry")
                        .and()
                        .doNotHaveSimpleName("OutboxEvent")
                        .should()
                        .resideInAPackage("com.dealradar.platform..")
                        .because(
                                "the platform's only tables are its write bookkeeping (Idempotency-Key answers, the write audit, the outbox);"
                                        + " domain entities belong to a service")
                        // Without a violation no class matches the that() clause: an empty match is the passing case.
                        .allowEmptyShould(true),
                noJavax());
    }

    static boolean isRepository(JavaClass type) {
        return type.getSimpleName().endsWith("Repository")
                || type.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");
    }

    /** The Jakarta EE namespaces only: a javax.* import of these is a library of the wrong generation. */
    static ArchRule noJavax() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Arrays.stream(new String[] {
                            "ws.rs",
                            "persistence",
                            "transaction",
                            "inject",
                            "enterprise",
                            "validation",
                            "annotation",
                            "json",
                            "servlet"
                        })
                        .map(p -> "javax." + p + "..")
                        .toArray(String[]::new))
                .because("Quarkus 3 is Jakarta EE 10: javax.* APIs compile but are never wired");
    }
}
