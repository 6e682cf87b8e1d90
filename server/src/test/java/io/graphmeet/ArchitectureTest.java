package io.graphmeet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.graphmeet.meetings.MeetingStore;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.ServerRequest;
import org.junit.jupiter.api.Test;

/** The package map is the architecture: dependencies point inward and the domain stays plain Java. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.graphmeet");

    private static final String[] WIRE_AND_INFRASTRUCTURE = {
        "io.helidon..",
        "com.fasterxml.jackson..",
        "java.sql..",
        "javax.sql..",
        "com.zaxxer..",
        "org.sqlite..",
        "org.postgresql..",
        "com.nimbusds..",
        "java.net.http.."
    };

    @Test
    void theDomainIsFreeOfHttpJsonSqlAndJwt() {
        noClasses()
                .that()
                .resideInAnyPackage("io.graphmeet.meetings..", "io.graphmeet.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WIRE_AND_INFRASTRUCTURE)
                .check(PRODUCTION);
    }

    @Test
    void theDomainDependsOnNothingElseInTheProject() {
        noClasses()
                .that()
                .resideInAPackage("io.graphmeet.meetings..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.graphmeet.api..",
                        "io.graphmeet.auth..",
                        "io.graphmeet.store..",
                        "io.graphmeet.config..",
                        "io.graphmeet.directory..",
                        "io.graphmeet.errors..",
                        "io.graphmeet.bootstrap..")
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideInAPackage("io.graphmeet.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.graphmeet.api..",
                        "io.graphmeet.auth..",
                        "io.graphmeet.store..",
                        "io.graphmeet.config..",
                        "io.graphmeet.meetings..",
                        "io.graphmeet.errors..",
                        "io.graphmeet.bootstrap..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheEdgeSpeaksHttpAndOnlyTheStoreSpeaksSql() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.graphmeet.api..",
                        "io.graphmeet.admin..",
                        "io.graphmeet.issuer..",
                        "io.graphmeet.http..",
                        "io.graphmeet.cli..",
                        "io.graphmeet.observe..",
                        "io.graphmeet.console..",
                        "io.graphmeet.join..",
                        "io.graphmeet")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.helidon.webserver..")
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.graphmeet.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..")
                .check(PRODUCTION);
    }

    @Test
    void theSurfacesBorrowNoPlumbingFromOneAnotherOrTheDomain() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.graphmeet.admin..",
                        "io.graphmeet.issuer..",
                        "io.graphmeet.console..",
                        "io.graphmeet.join..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.graphmeet.api..")
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideInAPackage("io.graphmeet.issuer..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.graphmeet.meetings..")
                .check(PRODUCTION);
        // the admin API resets a tenant's meetings through the meetings port, and needs nothing else of the domain
        noClasses()
                .that()
                .resideInAPackage("io.graphmeet.admin..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.graphmeet.meetings..").and(not(type(MeetingStore.class))))
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideInAnyPackage("io.graphmeet.http..", "io.graphmeet.errors..", "io.graphmeet.failure..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.graphmeet.api..",
                        "io.graphmeet.admin..",
                        "io.graphmeet.issuer..",
                        "io.graphmeet.meetings..",
                        "io.graphmeet.directory..",
                        "io.graphmeet.auth..",
                        "io.graphmeet.store..",
                        "io.graphmeet.config..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheEdgeKitReadsBodiesAndTurnsFailuresIntoReplies() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.graphmeet.http..")
                .should()
                .callMethod(ServerRequest.class, "content")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(ServerConnectionException.class)
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.graphmeet.http..",
                        "io.graphmeet.store..",
                        "io.graphmeet.config..",
                        "io.graphmeet.bootstrap..",
                        "io.graphmeet.cli..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ObjectMapper.class)
                .check(PRODUCTION);
    }

    @Test
    void nothingImportsMain() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.graphmeet.Main")
                .check(PRODUCTION);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.graphmeet.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }
}
