package io.graphmeet.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;

/**
 * Lends connections from a pool and, once taking one has failed, lets only one caller at a time wait for the
 * next (the probe) while the others fail at once: during an outage requests answer 503 in milliseconds instead
 * of each waiting the pool's whole timeout, and the first probe that gets a connection ends the outage.
 */
final class ConnectionGate {

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
        try {
            Connection connection = pool.getConnection();
            reachable = true;
            return connection;
        } catch (SQLException e) {
            reachable = false;
            throw e;
        }
    }
}
