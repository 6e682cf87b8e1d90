package io.graphmeet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Analyzes the meetings table on PostgreSQL once this node has stored {@value #ROWS} meetings, if PostgreSQL's
 * statistics still describe a table smaller than that (never analyzed, or analyzed while nearly empty).
 *
 * <p>PostgreSQL keeps the generic plan of a prepared statement until the table's statistics change. Planned
 * while the table is new, a lookup by key may use another index that starts with the tenant and then read every
 * meeting of the tenant: on a database with one busy tenant, a scan of the whole table per lookup, growing with
 * every meeting stored, until autovacuum first analyzes the table, which takes up to {@code autovacuum_naptime}
 * (a minute by default) or longer. Measured in {@code bench/soak} before this: a fresh database under 400
 * createOrGet/s answered at p50 80 ms (p99 1 s, errors in other runs) for its first minute, then at p50 1.5 ms.
 * An analysis makes PostgreSQL plan the statements again, with real figures; autovacuum keeps them current after.
 */
final class FirstAnalysis {

    static final long ROWS = 1_000;

    private static final Logger LOG = Logger.getLogger(FirstAnalysis.class.getName());

    private final Supplier<Connection> connections;
    private final AtomicLong stored = new AtomicLong();

    /** @param connections lends a connection that may write (ANALYZE is refused in a read-only transaction) */
    FirstAnalysis(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /** Counts one meeting stored by this node; the {@value #ROWS}th starts the check, off the caller's thread. */
    void meetingStored() {
        if (stored.incrementAndGet() == ROWS) {
            Thread.ofVirtual().name("graphmeet-first-analysis").start(this::analyzeIfUnknown);
        }
    }

    private void analyzeIfUnknown() {
        try (Connection connection = connections.get()) {
            double estimatedRows = Sql.first(
                            connection,
                            "SELECT reltuples FROM pg_class WHERE oid = 'meetings'::regclass",
                            row -> row.getDouble(1))
                    .orElse(-1.0);
            if (estimatedRows < ROWS) {
                Sql.update(connection, "ANALYZE meetings");
                LOG.info("analyzed the meetings table, which had no statistics of its size yet (estimated rows: "
                        + (long) estimatedRows + ")");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not analyze the meetings table; lookups may be slow until autovacuum does: "
                            + e.getMessage(),
                    e);
        }
    }
}
