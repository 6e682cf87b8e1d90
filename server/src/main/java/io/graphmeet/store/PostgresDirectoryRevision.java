package io.graphmeet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Follows directory writes of every node through PostgreSQL's {@code LISTEN}/{@code NOTIFY}: writers notify
 * {@value #CHANNEL} in their transaction, and a listener thread moves the revision when the notice arrives.
 * While the listener is disconnected it moves the revision on every read, so nothing stale is served.
 */
final class PostgresDirectoryRevision implements DirectoryRevision {

    static final String CHANNEL = "graphmeet_directory";

    private static final Logger LOG = Logger.getLogger(PostgresDirectoryRevision.class.getName());
    private static final int POLL_MILLIS = 250;

    private final AtomicLong revision = new AtomicLong();
    private final Supplier<Connection> connections;
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean closed;

    PostgresDirectoryRevision(Supplier<Connection> connections) {
        this.connections = connections;
        this.listener = Thread.ofPlatform()
                .daemon()
                .name("graphmeet-directory-listener")
                .start(this::listen);
    }

    @Override
    public long current() {
        return listening ? revision.get() : revision.incrementAndGet();
    }

    @Override
    public void bump() {
        revision.incrementAndGet();
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = connections.get()) {
                connection.setAutoCommit(true);
                Sql.update(connection, "LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                revision.incrementAndGet();
                listening = true;
                while (!closed) {
                    var notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        revision.incrementAndGet();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                boolean wasListening = listening;
                listening = false;
                if (!closed) {
                    // once per outage, not every retry: while the database is down each retry fails the same way
                    LOG.log(
                            wasListening ? Level.WARNING : Level.FINE,
                            "directory change listener lost its connection; retrying every " + POLL_MILLIS + " ms",
                            e);
                    pause();
                }
            }
        }
        listening = false;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.join(POLL_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
