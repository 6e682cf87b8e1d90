package io.graphmeet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark asks of a database graphmeet wrote, after graphmeet stopped. Args:
 * <ul>
 * <li>{@code bytes-per-meeting URL}: the meetings table's bytes on disk (with its indexes) per stored meeting;
 * <li>{@code pgbench-script URL FILE}: a pgbench script inserting one meeting per transaction the way graphmeet
 *     does ({@code ON CONFLICT DO NOTHING}), with the bytes of a stored meeting and fresh identifiers of the
 *     same lengths, so pgbench measures PostgreSQL's limit for graphmeet's own insert.
 * </ul>
 * A PostgreSQL URL carries its user as a parameter.
 */
public final class BenchStorage {

    private BenchStorage() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[1]);
                Statement statement = connection.createStatement()) {
            switch (args[0]) {
                case "bytes-per-meeting" -> System.out.println(bytesPerMeeting(connection, statement));
                case "pgbench-script" -> Files.writeString(Path.of(args[2]), pgbenchScript(statement));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
    }

    private static long bytesPerMeeting(Connection connection, Statement statement) throws SQLException {
        long count = single(statement, "SELECT count(*) FROM meetings");
        long bytes;
        if (connection.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            bytes = single(statement, "PRAGMA page_count") * single(statement, "PRAGMA page_size")
                    - single(statement, "PRAGMA freelist_count") * single(statement, "PRAGMA page_size");
        } else {
            statement.execute("CHECKPOINT");
            bytes = single(statement, "SELECT pg_total_relation_size('meetings')");
        }
        return count == 0 ? 0 : bytes / count;
    }

    private static String pgbenchScript(Statement statement) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (ResultSet row = statement.executeQuery("SELECT * FROM meetings WHERE external_id IS NOT NULL LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no stored meeting to copy");
            }
            ResultSetMetaData meta = row.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String column = meta.getColumnName(c);
                String value = row.getString(c);
                columns.add(column);
                values.add(
                        switch (column) {
                            // fresh identifiers of the stored lengths; the id and join meeting id are unique per tenant
                            case "id" ->
                                "left(" + literal(value) + ", " + (value.length() - 32)
                                        + ") || md5(:a::text || ':' || :b::text)";
                            case "join_meeting_id" -> "lpad(:j::text, " + value.length() + ", '0')";
                            case "external_id" -> "'pgbench-' || :client_id || '-' || :a || '-' || :b";
                            default -> value == null ? "NULL" : literal(value);
                        });
            }
        }
        return "\\set a random(1, 1000000000)\n"
                + "\\set b random(1, 1000000000)\n"
                + "\\set j random(1, 999999999999)\n"
                + "INSERT INTO meetings (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values)
                + ") ON CONFLICT DO NOTHING;\n";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
