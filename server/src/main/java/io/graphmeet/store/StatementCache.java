package io.graphmeet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept per physical connection and reused: preparing a statement costs SQLite more than
 * running a point query. A pooled connection has one borrower at a time, so each connection's statements are
 * only ever used by one thread at once. Callers close result sets, never the statements.
 */
final class StatementCache {

    private final Cache<Connection, Map<String, PreparedStatement>> byConnection =
            Caffeine.newBuilder().weakKeys().build();

    PreparedStatement prepare(Connection pooled, String sql, Object... parameters) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = byConnection.get(physical, connection -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
