package io.graphmeet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package map is the architecture: dependencies point inward and the domain stays plain Java. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.graphmeet");

    private static final String[] WIRE_AND_INFRASTRUCTURE = {
        "io.helidon..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.sqlite..",
        "org.postgresql..", "com.nimbusds..", "java.net.http.."
    };

    @Test
    void theDomainIsFreeOfHttpJsonSqlAndJwt() {
        noClasses().that().resideInAnyPackage("io.graphmeet.meetings..", "io.graphmeet.directory..")
                .should().dependOnClassesThat().resideInAnyPackage(WIRE_AND_INFRASTRUCTURE)
                .check(PRODUCTION);
    }

    @Test
    void theDomainDependsOnNothingElseInTheProject() {
        noClasses().that().resideInAPackage("io.graphmeet.meetings..")
                .should().dependOnClassesThat().resideInAnyPackage("io.graphmeet.api..", "io.graphmeet.auth..",
                        "io.graphmeet.store..", "io.graphmeet.config..", "io.graphmeet.directory..",
                        "io.graphmeet.errors..", "io.graphmeet.bootstrap..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("io.graphmeet.directory..")
                .should().dependOnClassesThat().resideInAnyPackage("io.graphmeet.api..", "io.graphmeet.auth..",
                        "io.graphmeet.store..", "io.graphmeet.config..", "io.graphmeet.meetings..",
                        "io.graphmeet.errors..", "io.graphmeet.bootstrap..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheEdgeSpeaksHttpAndOnlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackages("io.graphmeet.api..", "io.graphmeet.admin..", "io.graphmeet.issuer..",
                        "io.graphmeet.cli..", "io.graphmeet.observe..", "io.graphmeet")
                .should().dependOnClassesThat().resideInAPackage("io.helidon.webserver..")
                .check(PRODUCTION);
        noClasses().that().resideOutsideOfPackage("io.graphmeet.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..")
                .check(PRODUCTION);
    }

    @Test
    void nothingImportsMain() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.graphmeet.Main").check(PRODUCTION);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.graphmeet.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }
}
