package io.graphmeet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.issuer.SigningKeyStore;
import io.graphmeet.meetings.MeetingStore;
import io.graphmeet.observe.Metrics;
import io.graphmeet.throttle.SharedCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The open database behind both stores: a pool for reads, a {@link GroupCommitter} for writes, migrations
 * applied on open. The one public door of the storage package.
 */
public final class Database implements AutoCloseable {

    /** The embedded database's file name inside the data directory. */
    public static final String EMBEDDED_FILE = "graphmeet.db";

    /** Page cache of the one writer connection: the indexes' hot pages stay in memory as the table grows. */
    private static final int WRITER_CACHE_KIB = 32 * 1024;

    private static final int READER_CACHE_KIB = 4 * 1024;

    /** What the store leaves of {@code requestTimeout} for answering 503 once it gives up on PostgreSQL. */
    private static final Duration ANSWER_MARGIN = Duration.ofMillis(250);

    /**
     * A 201 promises the meeting is on disk, so a session never commits with {@code synchronous_commit=off}, even
     * where the server's default is off (as in embedded test distributions): such a commit returns before its
     * WAL is flushed, and a crash or immediate shutdown then loses meetings already acknowledged. Any other
     * value the operator chose (local, remote_write, on, remote_apply) is kept.
     */
    private static final String DURABLE_COMMITS =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";

    private final SqlDialect dialect;
    private final HikariDataSource readers;
    private final HikariDataSource writerPool;
    private final ConnectionGate readerGate;
    private final GroupCommitter writer;
    private final WalFile wal;
    private final DirectoryRevision directoryRevision;
    private final MeetingStore meetings;
    private final DirectoryStore directory;

    /** @param wal where the writer's commits are made durable by syncing the WAL, else null */
    private Database(
            SqlDialect dialect,
            HikariDataSource readers,
            HikariDataSource writerPool,
            int writerThreads,
            Metrics metrics,
            WalFile wal) {
        this.dialect = dialect;
        this.readers = readers;
        this.writerPool = writerPool;
        this.readerGate = new ConnectionGate(readers);
        try (Connection connection = writerPool.getConnection()) {
            dialect.allowLongStatements(connection);
            Migrations.apply(connection, dialect, MigrationScripts.onClasspath());
        } catch (SQLException | RuntimeException e) {
            close();
            throw new StoreUnavailableException("cannot migrate the database: " + e.getMessage(), e);
        }
        ConnectionGate writerGate = writerPool == readers ? readerGate : new ConnectionGate(writerPool);
        this.wal = wal;
        this.writer = wal == null
                ? new GroupCommitter(connectionsOf(writerGate), writerThreads, "graphmeet", metrics)
                : new GroupCommitter(connectionsOf(writerGate), "graphmeet", metrics, wal);
        this.directoryRevision = dialect.directoryRevision(connectionsOf(readerGate));
        this.meetings = new JdbcMeetingStore(this, dialect.onMeetingStored(connectionsOf(readerGate)));
        this.directory = new CachedDirectoryStore(new JdbcDirectoryStore(this), directoryRevision);
    }

    /** Opens the database the configuration names, creating and migrating it as needed. */
    public static Database open(GraphmeetConfig.Storage storage) {
        return open(storage, Metrics.NONE);
    }

    /** As {@link #open(GraphmeetConfig.Storage)}, reporting its pools and group commits to {@code metrics}. */
    public static Database open(GraphmeetConfig.Storage storage, Metrics metrics) {
        return switch (storage.kind()) {
            case EMBEDDED -> openEmbedded(storage.dataDir(), metrics);
            case POSTGRES -> openPostgres(storage.postgres(), metrics);
        };
    }

    private static Database openEmbedded(Path dataDir, Metrics metrics) {
        DataFolder.prepare(dataDir);
        // SQLite gives the -wal and -shm files the mode of the database file, so 0600 from birth covers all three
        Path file = dataDir.resolve(EMBEDDED_FILE).toAbsolutePath();
        DataFolder.createPrivateFile(file);
        String url = "jdbc:sqlite:" + file;
        HikariDataSource writerPool = pool(
                sqlite(url, WRITER_CACHE_KIB, SQLiteConfig.SynchronousMode.NORMAL),
                "graphmeet-sqlite-writer",
                1,
                metrics);
        HikariDataSource readers = pool(
                sqlite(url, READER_CACHE_KIB, SQLiteConfig.SynchronousMode.FULL),
                "graphmeet-sqlite-readers",
                Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                metrics);
        SqlDialect dialect = SqlDialect.of(GraphmeetConfig.StorageKind.EMBEDDED);
        return new Database(dialect, readers, writerPool, dialect.writerThreads(1), metrics, new WalFile(file));
    }

    /**
     * One pool for reads and writes. Every wait on an unreachable PostgreSQL is bounded by {@code requestTimeout}
     * less a margin for answering: taking a connection (Hikari's {@code connectionTimeout}), opening one
     * (pgjdbc's {@code connectTimeout}), a statement or commit on a server that stopped answering (pgjdbc's
     * {@code socketTimeout}, whole seconds); and once the pool cannot connect, a {@link ConnectionGate} fails
     * the other requests at once. So while the database is down or being failed over, requests answer 503
     * within that bound instead of queueing, and the pool reconnects by itself when it is back. A pool that
     * is only busy keeps its callers waiting (see {@link ConnectionGate}). Parameters in the JDBC URL win
     * over these defaults.
     */
    private static Database openPostgres(GraphmeetConfig.Postgres postgres, Metrics metrics) {
        PostgresStartup.awaitReachable(postgres);
        Duration timeout = postgres.requestTimeout().minus(ANSWER_MARGIN);
        int timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.url());
        config.setUsername(postgres.user().isEmpty() ? null : postgres.user());
        config.setPassword(postgres.password().isEmpty() ? null : postgres.password());
        config.setMaximumPoolSize(postgres.poolSize());
        config.setPoolName("graphmeet-postgres");
        config.setConnectionTimeout(timeout.toMillis());
        config.setValidationTimeout(Math.max(250, timeout.toMillis() / 4));
        config.addDataSourceProperty("connectTimeout", Integer.toString(timeoutSeconds));
        config.addDataSourceProperty("socketTimeout", Integer.toString(timeoutSeconds));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setConnectionInitSql(DURABLE_COMMITS);
        measure(config, metrics);
        HikariDataSource shared = new HikariDataSource(config);
        SqlDialect dialect = SqlDialect.of(GraphmeetConfig.StorageKind.POSTGRES);
        return new Database(dialect, shared, shared, dialect.writerThreads(postgres.poolSize()), metrics, null);
    }

    /**
     * WAL, so readers never wait for the writer. The writer commits with synchronous=NORMAL: a commit returns once
     * its frames are written to the WAL, not yet flushed, and {@link WalFile} flushes them on the committer's
     * syncer thread while the next batch runs; nobody is answered before that (see {@link GroupCommitter}).
     * Checkpoints still flush the WAL before copying it and the database file after.
     */
    private static SQLiteDataSource sqlite(String url, int cacheKib, SQLiteConfig.SynchronousMode synchronous) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(synchronous);
        sqlite.setBusyTimeout(10_000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setCacheSize(-cacheKib);
        sqlite.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "10000");
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl(url);
        return source;
    }

    private static void measure(HikariConfig config, Metrics metrics) {
        metrics.registry()
                .ifPresent(registry -> config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
    }

    private static HikariDataSource pool(SQLiteDataSource source, String name, int size, Metrics metrics) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setMaxLifetime(0);
        config.setPoolName(name);
        measure(config, metrics);
        return new HikariDataSource(config);
    }

    private static Supplier<Connection> connectionsOf(ConnectionGate gate) {
        return () -> {
            try {
                return gate.connection();
            } catch (SQLException e) {
                throw new StoreUnavailableException("no database connection: " + e.getMessage(), e);
            }
        };
    }

    SqlDialect dialect() {
        return dialect;
    }

    public MeetingStore meetings() {
        return meetings;
    }

    public DirectoryStore directory() {
        return directory;
    }

    /** The throttling counts every node adds to. */
    public SharedCounts sharedCounts() {
        return new JdbcSharedCounts(this);
    }

    /** The schema version this build migrates to: the number of the last migration script it carries. */
    public static int expectedSchemaVersion() {
        return MigrationScripts.onClasspath().getLast().version();
    }

    /** The schema version the database is at now, as recorded by the last migration applied to it. */
    public int schemaVersion() {
        return read(Migrations::currentVersion).orElse(0);
    }

    public SigningKeyStore signingKeys() {
        return new JdbcSigningKeyStore(this);
    }

    /**
     * Runs {@code work} on a reader connection. What it found is returned only once durable (a commit may be
     * visible a moment before its WAL is flushed); finding nothing waits for nothing.
     */
    <T> T read(SqlWork<T> work) {
        T result;
        try (Connection connection = readerGate.connection()) {
            result = work.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("database read failed: " + e.getMessage(), e);
        }
        if (!(result instanceof Optional<?> found && found.isEmpty())) {
            writer.awaitDurable();
        }
        return result;
    }

    <T> T write(SqlWork<T> work) {
        return writer.write(work);
    }

    /** How many writes wait for a writer thread: lets a test that holds the writers know its writes are queued. */
    int writesWaiting() {
        return writer.waiting();
    }

    /** As {@link #write(SqlWork, Consumer)}, the insert going to the database with the batch's other inserts. */
    <T> T insert(GroupCommitter.Insert<T> insert, Consumer<T> afterCommit) {
        return writer.insert(insert, afterCommit);
    }

    /** As {@link #write(SqlWork)}, then {@code afterCommit} on the writer thread, in commit order. */
    <T> T write(SqlWork<T> work, Consumer<T> afterCommit) {
        return writer.write(work, afterCommit);
    }

    @Override
    public void close() {
        if (directoryRevision != null) {
            directoryRevision.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (wal != null) {
            try {
                wal.close();
            } catch (IOException e) {
                // nothing was left to sync: the committer has stopped
            }
        }
        readers.close();
        writerPool.close();
    }
}
