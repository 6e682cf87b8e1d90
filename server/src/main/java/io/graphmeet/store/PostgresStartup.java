package io.graphmeet.store;

import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.failure.StoreUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Waits at start-up until PostgreSQL accepts a connection, so that a container started before its database
 * still comes up: connection failures are retried with growing waits, each one logged, for
 * {@code storage.postgres.connectTimeout}. Other failures (a wrong password, a missing database) end the wait
 * at once, since waiting will not mend them.
 */
final class PostgresStartup {

    private static final Logger LOG = Logger.getLogger(PostgresStartup.class.getName());
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final int LONGEST_ATTEMPT_SECONDS = 10;

    private PostgresStartup() {}

    /** Returns once a connection succeeds; throws {@link StoreUnavailableException} when it never does. */
    static void awaitReachable(GraphmeetConfig.Postgres postgres) {
        long deadline = System.nanoTime() + postgres.connectTimeout().toNanos();
        Duration wait = FIRST_WAIT;
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            SQLException failure;
            try (Connection connection = DriverManager.getConnection(postgres.url(), properties(postgres, left))) {
                return;
            } catch (SQLException e) {
                failure = e;
            }
            left = Duration.ofNanos(deadline - System.nanoTime());
            if (!retryable(failure) || left.compareTo(wait) < 0) {
                throw new StoreUnavailableException(
                        "storage.postgres.url: PostgreSQL at " + postgres.maskedUrl()
                                + (retryable(failure)
                                        ? " accepted no connection within storage.postgres.connectTimeout "
                                                + postgres.connectTimeout()
                                        : " refused the connection")
                                + ": " + failure.getMessage(),
                        failure);
            }
            LOG.info("PostgreSQL at " + postgres.maskedUrl() + " is not reachable yet (" + failure.getMessage()
                    + "); trying again in " + wait.toMillis() + " ms, " + left.toSeconds()
                    + " s left of storage.postgres.connectTimeout");
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** Connection failures (SQLSTATE class 08) and a server still starting up (57P03) may pass by themselves. */
    private static boolean retryable(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P03"));
    }

    private static Properties properties(GraphmeetConfig.Postgres postgres, Duration left) {
        Properties properties = new Properties();
        if (!postgres.user().isEmpty()) {
            properties.setProperty("user", postgres.user());
        }
        if (!postgres.password().isEmpty()) {
            properties.setProperty("password", postgres.password());
        }
        long attemptSeconds = Math.max(1, Math.min(LONGEST_ATTEMPT_SECONDS, left.toSeconds()));
        properties.setProperty("connectTimeout", Long.toString(attemptSeconds));
        properties.setProperty("loginTimeout", Long.toString(attemptSeconds));
        return properties;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
