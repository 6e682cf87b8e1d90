package io.graphmeet.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real storage backend for tests: the embedded SQLite file, or a real PostgreSQL started by the tests. */
public enum Backend {
    EMBEDDED {
        @Override
        public Map<String, String> newStorage(Path scratch) {
            return Map.of(
                    "GRAPHMEET_STORAGE_KIND",
                    "embedded",
                    "GRAPHMEET_STORAGE_DATA_DIR",
                    scratch.resolve("data-" + COUNTER.incrementAndGet()).toString());
        }
    },
    POSTGRES {
        @Override
        public Map<String, String> newStorage(Path scratch) {
            String database = "graphmeet_" + COUNTER.incrementAndGet();
            EmbeddedPostgres postgres = SharedPostgres.instance();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database", e);
            }
            return Map.of(
                    "GRAPHMEET_STORAGE_KIND",
                    "postgres",
                    "GRAPHMEET_STORAGE_DATA_DIR",
                    scratch.resolve(database).toString(),
                    "GRAPHMEET_STORAGE_POSTGRES_URL",
                    postgres.getJdbcUrl("postgres", database),
                    "GRAPHMEET_STORAGE_POSTGRES_USER",
                    "postgres",
                    "GRAPHMEET_STORAGE_POSTGRES_POOL_SIZE",
                    "8");
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Settings naming a new, empty store; use them again to reopen the same data. */
    public abstract Map<String, String> newStorage(Path scratch);

    /** One PostgreSQL server per test JVM, stopped when the JVM exits. */
    private static final class SharedPostgres {
        private static EmbeddedPostgres instance;

        static synchronized EmbeddedPostgres instance() {
            if (instance == null) {
                try {
                    instance = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                }
                EmbeddedPostgres started = instance;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the data directory is temporary
                    }
                }));
            }
            return instance;
        }
    }
}
