package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.store.MigrationScripts.Script;
import io.graphmeet.testing.Backend;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration runner finds its scripts, runs each whole, and refuses a script changed after it was applied. */
class MigrationsTest {

    @Test
    void findsTheReleasedScriptsInVersionOrder() {
        assertThat(MigrationScripts.onClasspath())
                .extracting(Script::name)
                .containsExactly(
                        "V001__meetings.sql",
                        "V002__directory.sql",
                        "V003__issuer_and_apps.sql",
                        "V004__meeting_updates.sql",
                        "V005__tenant_leading_keys.sql",
                        "V006__throttle_counts.sql");
        assertThat(Database.expectedSchemaVersion()).isEqualTo(6);
    }

    @Test
    void findsScriptsInsideAJarWrittenWithoutFolderEntries(@TempDir Path scratch) throws IOException {
        Path jar = scratch.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "db/migration/V002__second.sql", "SELECT 2;");
            put(out, "db/migration/V001__first.sql", "SELECT 1;");
            put(out, "db/migration/nested/V003__not_here.sql", "SELECT 3;");
            put(out, "io/graphmeet/Main.class", "");
        }

        assertThat(MigrationScripts.in(jar))
                .extracting(Script::version, Script::sql)
                .containsExactly(tuple(1, "SELECT 1;"), tuple(2, "SELECT 2;"));
    }

    @Test
    void refusesMisnamedDuplicateAndMissingVersions() {
        assertThatThrownBy(() -> MigrationScripts.script("V1_missing_underscore.sql", ""))
                .hasMessageContaining("V1_missing_underscore.sql");
        assertThatThrownBy(() -> MigrationScripts.ordered(
                        List.of(MigrationScripts.script("V001__a.sql", ""), MigrationScripts.script("V1__b.sql", ""))))
                .hasMessageContaining("same version");
        assertThatThrownBy(() -> MigrationScripts.ordered(List.of(
                        MigrationScripts.script("V001__a.sql", ""), MigrationScripts.script("V003__c.sql", ""))))
                .hasMessageContaining("no migration of version 2");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewDatabaseIsAtTheExpectedVersionWithEveryChecksumRecorded(Backend backend, @TempDir Path scratch) {
        try (Database database = StoreFixture.open(backend.newStorage(scratch))) {
            assertThat(database.schemaVersion()).isEqualTo(Database.expectedSchemaVersion());
            assertThat(recordedChecksums(database))
                    .containsExactlyElementsOf(MigrationScripts.onClasspath().stream()
                            .map(Script::checksum)
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDatabaseMigratedBeforeChecksumsWereKeptStartsAndGetsThem(Backend backend, @TempDir Path scratch) {
        Map<String, String> storage = backend.newStorage(scratch);
        try (Database database = StoreFixture.open(storage)) {
            database.write(connection -> Sql.update(connection, "ALTER TABLE schema_migrations DROP COLUMN checksum"));
        }

        try (Database reopened = StoreFixture.open(storage)) {
            assertThat(reopened.schemaVersion()).isEqualTo(Database.expectedSchemaVersion());
            assertThat(recordedChecksums(reopened))
                    .containsExactlyElementsOf(MigrationScripts.onClasspath().stream()
                            .map(Script::checksum)
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aScriptChangedAfterItWasAppliedStopsStartUp(Backend backend, @TempDir Path scratch) {
        Map<String, String> storage = backend.newStorage(scratch);
        try (Database database = StoreFixture.open(storage)) {
            database.write(connection -> Sql.update(
                    connection, "UPDATE schema_migrations SET checksum = ? WHERE version = 2", "0".repeat(64)));
        }

        assertThatThrownBy(() -> StoreFixture.open(storage).close())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("V002__directory.sql")
                .hasMessageContaining("changed after it was applied");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aScriptRunsWholeEvenWithSemicolonsInsideStringsAndComments(Backend backend, @TempDir Path scratch)
            throws SQLException {
        List<Script> scripts = List.of(
                MigrationScripts.script("V001__notes.sql", """
                        -- a comment; with a semicolon
                        CREATE TABLE notes (text TEXT NOT NULL);
                        INSERT INTO notes (text) VALUES ('first;
                        second');
                        """),
                MigrationScripts.script("V002__more.sql", "INSERT INTO notes (text) VALUES ('third');"));
        try (Connection connection = rawConnection(backend, scratch)) {
            Migrations.apply(connection, dialectOf(backend), scripts);
            Migrations.apply(connection, dialectOf(backend), scripts);

            assertThat(Sql.list(connection, "SELECT text FROM notes ORDER BY text", row -> row.getString(1)))
                    .containsExactly("first;\nsecond", "third");
            assertThat(Migrations.currentVersion(connection)).contains(2);
        }
    }

    private static List<String> recordedChecksums(Database database) {
        return database.read(connection -> Sql.list(
                connection, "SELECT checksum FROM schema_migrations ORDER BY version", row -> row.getString(1)));
    }

    private static Connection rawConnection(Backend backend, Path scratch) throws SQLException {
        Map<String, String> storage = backend.newStorage(scratch);
        return switch (backend) {
            case EMBEDDED -> DriverManager.getConnection("jdbc:sqlite:" + scratch.resolve("raw.db"));
            case POSTGRES -> DriverManager.getConnection(storage.get("GRAPHMEET_STORAGE_POSTGRES_URL"), "postgres", "");
        };
    }

    private static SqlDialect dialectOf(Backend backend) {
        return switch (backend) {
            case EMBEDDED -> SqlDialect.SQLITE;
            case POSTGRES -> SqlDialect.POSTGRES;
        };
    }

    private static void put(JarOutputStream jar, String name, String text) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
