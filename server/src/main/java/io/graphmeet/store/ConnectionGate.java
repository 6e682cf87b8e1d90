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
 * the outage. A pool that is merely busy (as many connections as it may hold, every one lent) is not an outage:
 * its callers keep waiting, up to {@value #BUSY_WAIT_SECONDS} s, as load is not a reason to refuse work.
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

    /** Busy, not failing: the pool holds all the connections it may and has lent every one of them. */
    private boolean everyConnectionLent() {
        var state = pool.getHikariPoolMXBean();
        return state != null && state.getTotalConnections() >= pool.getMaximumPoolSize()
                && state.getActiveConnections() >= state.getTotalConnections();
    }

    private Connection taken() throws SQLException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUSY_WAIT_SECONDS);
        while (true) {
            try {
                Connection connection = pool.getConnection();
                reachable = true;
                return connection;
            } catch (SQLTransientConnectionException e) {
                // Hikari names the last failure to connect as the cause of its timeout; a pool short of connections
                // whose attempt to open one has not even failed yet (a host that accepts and never answers, a
                // database going down) is no more reachable
                if (e.getCause() != null || !everyConnectionLent()) {
                    reachable = false;
                    throw e;
                }
                if (System.nanoTime() - giveUp > 0) {
                    throw e;
                }
            }
        }
    }
}
