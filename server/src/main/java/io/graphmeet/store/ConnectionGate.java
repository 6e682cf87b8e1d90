package io.graphmeet.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lends connections from a pool and, once the pool could not connect to the database, lets only one caller at a
 * time wait for a connection (the probe) while the others fail at once: during an outage requests answer 503 in
 * milliseconds instead of each waiting the pool's whole timeout, and the first probe that gets a connection ends
 * the outage. A pool that is merely busy (as many connections as it may hold, every one lent, or still opening
 * them) is not an outage: its callers keep waiting, up to {@value #BUSY_WAIT_SECONDS} s, as load is not a reason to refuse work.
 */
final class ConnectionGate {

    private static final long BUSY_WAIT_SECONDS = 30;

    private final HikariDataSource pool;
    private final Semaphore probe = new Semaphore(1);
    private volatile boolean reachable = true;

    ConnectionGate(HikariDataSource pool) {
        this.pool = pool;
    }

    Connection connection() throws SQLException {
        if (reachable) {
            return taken();
        }
        if (!probe.tryAcquire()) {
            throw new SQLTransientConnectionException("the database is unreachable; another request is probing it");
        }
        try {
            return taken();
        } finally {
            probe.release();
        }
    }

    private Connection taken() throws SQLException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUSY_WAIT_SECONDS);
        while (true) {
            int connectionsBefore = totalConnections();
            try {
                Connection connection = pool.getConnection();
                reachable = true;
                return connection;
            } catch (SQLTransientConnectionException e) {
                // Hikari names the last failure to connect as the cause of its timeout. Without one, the pool is
                // busy if it holds all the connections it may (every one was lent while the caller waited), or is
                // still opening them; a pool short of connections that opened none while the caller waited has an
                // attempt under way that has not even failed yet (a host that accepts and never answers, a
                // database going down): not reachable either
                int connections = totalConnections();
                boolean busy = connections >= pool.getMaximumPoolSize() || connections > connectionsBefore;
                if (e.getCause() != null || !busy) {
                    reachable = false;
                    throw e;
                }
                if (System.nanoTime() - giveUp > 0) {
                    throw e;
                }
            }
        }
    }

    private int totalConnections() {
        var state = pool.getHikariPoolMXBean();
        return state == null ? 0 : state.getTotalConnections();
    }
}
