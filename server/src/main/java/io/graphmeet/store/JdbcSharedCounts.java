package io.graphmeet.store;

import io.graphmeet.throttle.SharedCounts;
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
            for (Delta delta : deltas) {
                totals.add(Sql.firstKept(
                                connection,
                                ADD,
                                total -> total.getLong(1),
                                delta.scope(),
                                delta.windowStartMillis(),
                                delta.delta(),
                                delta.windowEndMillis())
                        .orElse(delta.delta()));
            }
            return totals;
        });
    }

    @Override
    public void forgetBefore(long endMillis) {
        database.write(
                connection -> Sql.update(connection, "DELETE FROM throttle_counts WHERE expires_at_ms < ?", endMillis));
    }
}
