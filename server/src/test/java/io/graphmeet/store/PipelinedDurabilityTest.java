package io.graphmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.graphmeet.observe.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded writer commits with {@code synchronous=NORMAL} and a syncer thread flushes the WAL: no write is
 * answered, its after-commit action run, or a reader let through, before a sync that began after that write's
 * commit returned has itself returned. The syncer here is deliberately slow (held by the test, or sleeping).
 */
class PipelinedDurabilityTest {

    private final List<HikariDataSource> pools = new ArrayList<>();

    @Test
    void aCommittedWriteWaitsForItsSyncAndSoDoReaders(@TempDir Path folder) throws Exception {
        SQLiteDataSource source = writer(folder);
        HeldSync sync = new HeldSync(new WalFile(folder.resolve("test.db")));
        try (GroupCommitter committer = new GroupCommitter(connections(source), "test", Metrics.NONE, sync)) {
            AtomicInteger returnedWhenAfterCommitRan = new AtomicInteger(-1);
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> committer.write(
                    connection -> insert(connection, "held") ? sync.begun.get() : -1,
                    syncsBegunAtCommit -> returnedWhenAfterCommitRan.set(sync.returned.get())));

            await(() -> visible(source, "held") && sync.begun.get() > 0);
            CompletableFuture<Void> reader = CompletableFuture.runAsync(committer::awaitDurable);
            assertThat(answer).as("answered while its sync is held").isNotDone();
            assertThat(reader).as("reader let through while the sync is held").isNotDone();
            assertThat(returnedWhenAfterCommitRan).hasValue(-1);

            sync.permits.release(Integer.MAX_VALUE / 2);
            int syncsBegunAtCommit = answer.get(10, TimeUnit.SECONDS);
            reader.get(10, TimeUnit.SECONDS);
            assertThat(syncsBegunAtCommit).isGreaterThanOrEqualTo(0);
            assertThat(returnedWhenAfterCommitRan.get())
                    .as("a sync begun after the commit had returned")
                    .isGreaterThan(syncsBegunAtCommit);
        }
    }

    @Test
    void underConcurrentWritesEveryAnswerFollowsASyncBegunAfterItsCommit(@TempDir Path folder) throws Exception {
        SQLiteDataSource source = writer(folder);
        SleepingSync sync = new SleepingSync(new WalFile(folder.resolve("test.db")), Duration.ofMillis(15));
        List<String> early = java.util.Collections.synchronizedList(new ArrayList<>());
        try (GroupCommitter committer = new GroupCommitter(connections(source), "test", Metrics.NONE, sync);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "k" + i;
                calls.add(callers.submit(() -> {
                    int begunAtCommit = committer.write(connection -> {
                        insert(connection, key);
                        return sync.begun.get();
                    });
                    if (sync.returned.get() <= begunAtCommit) {
                        early.add(key);
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(early)
                .as("answered before a sync begun after their commit returned")
                .isEmpty();
        assertThat(sync.begun.get()).as("syncs shared by batches").isLessThan(200);
        assertThat(count(source)).isEqualTo(200);
    }

    /** A sync that waits for the test's permission, then really flushes the WAL. */
    private static final class HeldSync implements GroupCommitter.Sync {
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger returned = new AtomicInteger();
        final Semaphore permits = new Semaphore(0);
        private final WalFile wal;

        HeldSync(WalFile wal) {
            this.wal = wal;
        }

        @Override
        public void run() throws IOException {
            int number = begun.incrementAndGet();
            permits.acquireUninterruptibly();
            wal.run();
            returned.set(number);
        }
    }

    /** A slow disk: every sync takes at least {@code delay}. */
    private static final class SleepingSync implements GroupCommitter.Sync {
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger returned = new AtomicInteger();
        private final WalFile wal;
        private final Duration delay;

        SleepingSync(WalFile wal, Duration delay) {
            this.wal = wal;
            this.delay = delay;
        }

        @Override
        public void run() throws IOException {
            int number = begun.incrementAndGet();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wal.run();
            returned.set(number);
        }
    }

    private static SQLiteDataSource writer(Path folder) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + folder.resolve("test.db"));
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (k TEXT PRIMARY KEY)");
        }
        return source;
    }

    /** A pool of one connection kept open, as graphmeet's writer pool is. */
    private Supplier<Connection> connections(SQLiteDataSource source) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(1);
        config.setMaxLifetime(0);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return () -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private static boolean insert(Connection connection, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (k) VALUES (?)")) {
            insert.setString(1, key);
            return insert.executeUpdate() == 1;
        }
    }

    private static boolean visible(SQLiteDataSource source, String key) {
        try (Connection connection = source.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM t WHERE k = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static long count(SQLiteDataSource source) throws SQLException {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM t")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - giveUp).as("condition within 10 s").isNegative();
            Thread.sleep(5);
        }
    }
}
