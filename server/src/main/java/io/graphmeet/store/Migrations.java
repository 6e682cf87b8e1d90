package io.graphmeet.store;

import io.graphmeet.store.MigrationScripts.Script;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Applies the migration scripts ({@link MigrationScripts}) that the database has not seen yet, each whole and in
 * its own transaction, and records each in {@code schema_migrations} with its checksum. Refuses to start when a
 * script applied earlier has changed since: never edit a released script, add the next number.
 */
final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {}

    static void apply(Connection connection, SqlDialect dialect, List<Script> scripts) throws SQLException {
        connection.setAutoCommit(false);
        dialect.lockForMigration(connection);
        Sql.update(
                connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL, checksum TEXT)");
        if (!hasChecksums(connection)) {
            Sql.update(connection, "ALTER TABLE schema_migrations ADD COLUMN checksum TEXT");
        }
        Map<Integer, Optional<String>> applied = applied(connection);
        verifyApplied(connection, scripts, applied);
        connection.commit();
        if (applied.keySet().containsAll(scripts.stream().map(Script::version).toList())) {
            return;
        }
        for (Script script : scripts) {
            dialect.lockForMigration(connection);
            if (applied(connection).containsKey(script.version())) {
                connection.rollback();
                continue;
            }
            Sql.script(connection, script.sql());
            Sql.update(
                    connection,
                    "INSERT INTO schema_migrations (version, script, applied_at, checksum) VALUES (?, ?, ?, ?)",
                    script.version(),
                    script.name(),
                    Instant.now().toString(),
                    script.checksum());
            connection.commit();
            LOG.info(() -> "applied migration " + script.name());
        }
    }

    /** The highest version applied to the database, or empty before the first migration. */
    static Optional<Integer> currentVersion(Connection connection) throws SQLException {
        if (columnsOfSchemaMigrations(connection).isEmpty()) {
            return Optional.empty();
        }
        return Sql.first(connection, "SELECT MAX(version) FROM schema_migrations", row -> {
            int version = row.getInt(1);
            return row.wasNull() ? null : version;
        });
    }

    /**
     * Compares every applied script with its text today. A row recorded before checksums were kept (graphmeet
     * before 2026-12) takes the checksum of today's text: those scripts were listed by hand and never edited.
     */
    private static void verifyApplied(
            Connection connection, List<Script> scripts, Map<Integer, Optional<String>> applied) throws SQLException {
        for (Script script : scripts) {
            Optional<String> recorded = applied.get(script.version());
            if (recorded == null) {
                continue;
            }
            if (recorded.isEmpty()) {
                Sql.update(
                        connection,
                        "UPDATE schema_migrations SET checksum = ? WHERE version = ?",
                        script.checksum(),
                        script.version());
            } else if (!recorded.get().equals(script.checksum())) {
                throw new SQLException("migration " + script.name() + " was changed after it was applied (checksum "
                        + recorded.get() + " when applied, " + script.checksum() + " now); restore the released "
                        + "script and add the change as a new migration");
            }
        }
    }

    private static Map<Integer, Optional<String>> applied(Connection connection) throws SQLException {
        Map<Integer, Optional<String>> applied = new TreeMap<>();
        Sql.list(
                connection,
                "SELECT version, checksum FROM schema_migrations",
                row -> applied.put(row.getInt(1), Optional.ofNullable(row.getString(2))));
        return applied;
    }

    private static boolean hasChecksums(Connection connection) throws SQLException {
        return columnsOfSchemaMigrations(connection).contains("checksum");
    }

    /** In lower case; none if the table does not exist in the connection's schema. */
    private static Set<String> columnsOfSchemaMigrations(Connection connection) throws SQLException {
        DatabaseMetaData catalogue = connection.getMetaData();
        String table = catalogue.storesUpperCaseIdentifiers() ? "SCHEMA_MIGRATIONS" : "schema_migrations";
        Set<String> columns = new HashSet<>();
        try (ResultSet rows = catalogue.getColumns(null, connection.getSchema(), table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }
}
