package io.graphmeet.store;

import io.graphmeet.throttle.SharedCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link SharedCounts} in the {@code throttle_counts} table: one upsert per window, in one group commit. */
final class JdbcSharedCounts implements SharedCounts {

    private static final String ADD = "INSERT INTO throttle_counts (scope, window_start_ms, count, expires_at_ms) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (scope, window_start_ms) "
            + "DO UPDATE SET count = throttle_counts.count + excluded.count RETURNING count";

    private final Database database;

    JdbcSharedCounts(Database database) {
        this.database = database;
    }

    @Override
    public List<Long> add(List<Delta> deltas) {
        return database.write(connection -> {
            List<Long> totals = new ArrayList<>(deltas.size());
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                for (Delta delta : deltas) {
                    add.setString(1, delta.scope());
                    add.setLong(2, delta.windowStartMillis());
                    add.setLong(3, delta.delta());
                    add.setLong(4, delta.windowEndMillis());
                    try (ResultSet total = add.executeQuery()) {
                        totals.add(total.next() ? total.getLong(1) : delta.delta());
                    }
                }
            }
            return totals;
        });
    }

    @Override
    public void forgetBefore(long endMillis) {
        database.write(connection -> Sql.update(connection, "DELETE FROM throttle_counts WHERE expires_at_ms < ?",
                endMillis));
    }
}
