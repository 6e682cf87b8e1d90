package io.graphmeet.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies the numbered SQL scripts under {@code db/migration} that the database has not seen yet, each in its
 * own transaction, and records them in {@code schema_migrations}.
 */
final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    /**
     * In order; never edit a script once released: add the next number. The version recorded for a script is
     * the number in its name.
     */
    static final List<String> SCRIPTS = List.of("V001__meetings.sql", "V002__directory.sql",
            "V003__issuer_and_apps.sql", "V004__meeting_updates.sql", "V005__tenant_leading_keys.sql",
            "V006__throttle_counts.sql");

    private Migrations() {}

    static void apply(Connection connection, SqlDialect dialect) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        connection.commit();
        for (String script : SCRIPTS) {
            int version = versionOf(script);
            dialect.lockForMigration(connection);
            if (!applied(connection, version)) {
                run(connection, script);
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_migrations (version, script, applied_at) VALUES (?, ?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, script);
                    record.setString(3, Instant.now().toString());
                    record.executeUpdate();
                }
                LOG.info(() -> "applied migration " + script);
            }
            connection.commit();
        }
    }

    /** {@code V004__meeting_updates.sql} is version 4. */
    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static boolean applied(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM schema_migrations WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new SQLException("migration script missing from the classpath: " + script);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + script, e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\\s*(\\n|$)")) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty() && !trimmed.lines().allMatch(line -> line.strip().startsWith("--"))) {
                    statement.execute(trimmed);
                }
            }
        }
    }
}
