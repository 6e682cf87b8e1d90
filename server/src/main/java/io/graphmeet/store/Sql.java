package io.graphmeet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one way the store prepares and runs SQL: bind parameters, run an update, map the rows of a query, insert
 * many rows, run a migration script.
 *
 * <p>{@link #update}, {@link #list} and {@link #first} prepare their statement per call and close it. The
 * {@code …Kept} methods and the inserts of many rows, for the createOrGet path, prepare each SQL text once per
 * physical connection and reuse it: preparing costs SQLite more than a point query, and PostgreSQL plans a
 * statement once pgjdbc has it prepared on the server. They prepare on the physical connection under the pool's,
 * since the pool closes the statements prepared through it whenever the connection goes back; a pooled
 * connection has one borrower at a time, so each connection's statements are used by one thread at once.
 */
final class Sql {

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Kept statements, by physical connection (weakly, by identity), then by SQL text. */
    private static final Cache<Connection, Map<String, PreparedStatement>> KEPT =
            Caffeine.newBuilder().weakKeys().build();

    private Sql() {}

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql), parameters)) {
            return statement.executeUpdate();
        }
    }

    static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement query = bind(connection.prepareStatement(sql), parameters)) {
            return all(query, row);
        }
    }

    static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement query = bind(connection.prepareStatement(sql), parameters)) {
            return first(query, row);
        }
    }

    /** As {@link #update}, on the statement kept for {@code sql} on this connection. */
    static int updateKept(Connection connection, String sql, Object... parameters) throws SQLException {
        return bind(kept(connection, sql), parameters).executeUpdate();
    }

    /** As {@link #first}, on the statement kept for {@code sql} on this connection. */
    static <T> Optional<T> firstKept(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        return first(bind(kept(connection, sql), parameters), row);
    }

    /**
     * Runs {@code insert}, a one-row insert that may insert nothing (as {@code ON CONFLICT DO NOTHING}), once per
     * row in one JDBC batch on its kept statement, and tells which rows it inserted, in their order.
     */
    static boolean[] insertEach(Connection connection, String insert, List<Object[]> rows) throws SQLException {
        PreparedStatement statement = kept(connection, insert);
        try {
            for (Object[] row : rows) {
                bind(statement, row).addBatch();
            }
            int[] counts = statement.executeBatch();
            boolean[] inserted = new boolean[rows.size()];
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] == 1;
            }
            return inserted;
        } finally {
            statement.clearBatch(); // kept for the next call: nothing of this one may linger in it
        }
    }

    /**
     * Inserts all {@code rows} with one statement and one round trip: {@code insert} takes one array parameter per
     * column, whose SQL element types {@code arrayTypes} names (PostgreSQL's {@code INSERT … SELECT * FROM
     * unnest(?::text[], …) ON CONFLICT DO NOTHING RETURNING key…}), and returns the columns that identify a row,
     * which are the first {@code keyColumns} of a row. Tells which rows it inserted, in their order. Rows sharing
     * their key with an earlier row of the call go in statements of their own afterwards, so what was returned
     * names each row unambiguously.
     */
    static boolean[] insertUnnested(
            Connection connection, String insert, List<String> arrayTypes, int keyColumns, List<Object[]> rows)
            throws SQLException {
        boolean[] inserted = new boolean[rows.size()];
        Map<List<Object>, Integer> firsts = new HashMap<>();
        List<Integer> repeats = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (firsts.putIfAbsent(key(rows.get(i), keyColumns), i) != null) {
                repeats.add(i);
            }
        }
        for (List<Object> key : insertedKeys(
                connection,
                insert,
                arrayTypes,
                keyColumns,
                firsts.values().stream().sorted().map(rows::get).toList())) {
            inserted[firsts.get(key)] = true;
        }
        for (int i : repeats) {
            inserted[i] = !insertedKeys(
                            connection, insert, arrayTypes, keyColumns, Collections.singletonList(rows.get(i)))
                    .isEmpty();
        }
        return inserted;
    }

    private static Set<List<Object>> insertedKeys(
            Connection connection, String insert, List<String> arrayTypes, int keyColumns, List<Object[]> rows)
            throws SQLException {
        PreparedStatement statement = kept(connection, insert);
        for (int column = 0; column < arrayTypes.size(); column++) {
            Object[] values = typedArray(rows, column);
            statement.setArray(column + 1, connection.createArrayOf(arrayTypes.get(column), values));
        }
        Set<List<Object>> keys = new HashSet<>();
        try (ResultSet returned = statement.executeQuery()) {
            while (returned.next()) {
                Object[] key = new Object[keyColumns];
                for (int k = 0; k < keyColumns; k++) {
                    key[k] = returned.getObject(k + 1);
                }
                keys.add(Arrays.asList(key));
            }
        }
        return keys;
    }

    /** The column's values in an array of their class (pgjdbc encodes a {@code String[]} or {@code Long[]}). */
    private static Object[] typedArray(List<Object[]> rows, int column) {
        Class<?> type = rows.stream()
                .map(row -> row[column])
                .filter(Objects::nonNull)
                .findFirst()
                .<Class<?>>map(Object::getClass)
                .orElse(String.class);
        Object[] values = (Object[]) java.lang.reflect.Array.newInstance(type, rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[column];
        }
        return values;
    }

    private static List<Object> key(Object[] row, int keyColumns) {
        return Arrays.asList(Arrays.copyOf(row, keyColumns));
    }

    /**
     * Runs a script of several statements, without parameters, as one call: both drivers hand it to the database
     * whole (sqlite-jdbc through {@code sqlite3_exec}, pgjdbc splitting it with PostgreSQL's own quoting rules),
     * so a semicolon inside a string or comment cannot cut a statement in two.
     */
    static void script(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static PreparedStatement kept(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = KEPT.get(physical, connection -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static <T> Optional<T> first(PreparedStatement query, Row<T> row) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.ofNullable(row.map(rows)) : Optional.empty();
        }
    }

    private static <T> List<T> all(PreparedStatement query, Row<T> row) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }
}
