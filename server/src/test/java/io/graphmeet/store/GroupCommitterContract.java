package io.graphmeet.store;

import static io.graphmeet.store.HeldWriters.PATIENCE;
import static io.graphmeet.store.HeldWriters.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.observe.Metrics;
import io.graphmeet.testing.Backend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2 "a 201 is durable", at the group committer: no caller is acknowledged — neither woken with a result
 * nor passed to its after-commit action — unless the transaction holding its write committed. The writes are
 * rows of {@code child} whose foreign key is checked only at commit ({@code DEFERRABLE INITIALLY DEFERRED}),
 * so a real database refuses a commit after every statement of the transaction succeeded.
 *
 * <p>Planted bug: completing the callers' futures (and after-commit actions) before {@code connection.commit()}
 * in {@code GroupCommitter.commitBatch} made every test here fail, by hand, on both backends (then reverted).
 */
abstract class GroupCommitterContract {

    private static final int CALLERS = 4;

    abstract Backend backend();

    private final List<Object> acknowledged = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<GroupCommitter> committers = new ArrayList<>();
    private String url;

    @BeforeEach
    void createTables(@TempDir Path scratch) throws Exception {
        Map<String, String> storage = backend().newStorage(scratch);
        if (backend() == Backend.EMBEDDED) {
            Path dataDir = Files.createDirectories(Path.of(storage.get("GRAPHMEET_STORAGE_DATA_DIR")));
            url = "jdbc:sqlite:" + dataDir.resolve("commits.db");
        } else {
            url = storage.get("GRAPHMEET_STORAGE_POSTGRES_URL");
        }
        try (Connection connection = open();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE parent (id VARCHAR(64) PRIMARY KEY)");
            statement.execute("CREATE TABLE child (id VARCHAR(64) PRIMARY KEY, "
                    + "parent_id VARCHAR(64) REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
            statement.execute("INSERT INTO parent (id) VALUES ('known')");
        }
    }

    @AfterEach
    void stop() {
        committers.forEach(GroupCommitter::close);
        callers.close();
    }

    @Test
    void aWriteThatFailsAtCommitAcknowledgesNoCaller() throws Exception {
        GroupCommitter committer = committer(this::open);

        Future<String> orphan = write(committer, child("orphan", "missing"));

        assertNotAcknowledged(orphan);
        assertThat(acknowledged).isEmpty();
        assertThat(children()).isEmpty();
    }

    @Test
    void inASharedTransactionOnlyTheWriteThatFailsAtCommitIsRefused() throws Exception {
        GroupCommitter committer = committer(this::open);
        List<Future<String>> good = new ArrayList<>();
        Future<String> orphan;
        try (HeldWriters held = HeldWriters.hold(work -> committer.write(work), 1)) {
            for (int i = 0; i < CALLERS; i++) {
                good.add(write(committer, child("good-" + i, "known")));
            }
            orphan = write(committer, child("orphan", "missing"));
            awaitUntil(() -> committer.waiting() == CALLERS + 1, "every write is queued behind the held writer");
            held.release();
        }

        assertNotAcknowledged(orphan);
        for (int i = 0; i < CALLERS; i++) {
            assertThat(good.get(i).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("good-" + i);
        }
        assertThat(acknowledged).containsExactlyInAnyOrder("good-0", "good-1", "good-2", "good-3");
        assertThat(children()).containsExactlyInAnyOrder("good-0", "good-1", "good-2", "good-3");
    }

    @Test
    void aCommitTheConnectionRefusesAcknowledgesNoCaller() throws Exception {
        GroupCommitter committer = committer(() -> withCommit(open(), real -> {
            throw new SQLException("commit refused: the disk is full");
        }));

        List<Future<String>> writes = new ArrayList<>();
        try (HeldWriters held = HeldWriters.hold(work -> committer.write(work), 1)) {
            for (int i = 0; i < CALLERS; i++) {
                writes.add(write(committer, child("good-" + i, "known")));
            }
            awaitUntil(() -> committer.waiting() == CALLERS, "every write is queued behind the held writer");
            held.release();
        }

        for (Future<String> write : writes) {
            assertNotAcknowledged(write);
        }
        assertThat(acknowledged).isEmpty();
        assertThat(children()).isEmpty();
    }

    @Test
    void aCrashBetweenTheLastWriteAndTheCommitAcknowledgesNothing() throws Exception {
        CountDownLatch atCommit = new CountDownLatch(1);
        CountDownLatch crash = new CountDownLatch(1);
        AtomicInteger commits = new AtomicInteger();
        GroupCommitter committer = committer(() -> withCommit(open(), real -> {
            if (commits.incrementAndGet() == 1) {
                real.commit(); // the holding write's transaction
                return;
            }
            atCommit.countDown();
            await(crash);
            real.close();
            throw new SQLException("connection lost: the process died before its commit");
        }));

        List<Future<String>> writes = new ArrayList<>();
        try (HeldWriters held = HeldWriters.hold(work -> committer.write(work), 1)) {
            for (int i = 0; i < CALLERS; i++) {
                writes.add(write(committer, child("good-" + i, "known")));
            }
            awaitUntil(() -> committer.waiting() == CALLERS, "every write is queued behind the held writer");
            held.release();
            try {
                assertThat(atCommit.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .as("the writer reached the commit")
                        .isTrue();

                assertThat(writes).as("callers woken before the commit").noneMatch(Future::isDone);
                assertThat(acknowledged)
                        .as("after-commit actions run before the commit")
                        .isEmpty();
            } finally {
                crash.countDown();
            }
        }

        for (Future<String> write : writes) {
            assertNotAcknowledged(write);
        }
        assertThat(acknowledged).isEmpty();
        assertThat(children()).isEmpty();
    }

    private GroupCommitter committer(Supplier<Connection> connections) {
        GroupCommitter committer = new GroupCommitter(connections, 1, "test-" + backend(), Metrics.NONE);
        committers.add(committer);
        return committer;
    }

    private <T> Future<T> write(GroupCommitter committer, SqlWork<T> work) {
        return callers.submit(() -> committer.write(work, acknowledged::add));
    }

    private static SqlWork<String> child(String id, String parentId) {
        return connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO child (id, parent_id) VALUES (?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, parentId);
                insert.executeUpdate();
            }
            return id;
        };
    }

    private static void assertNotAcknowledged(Future<?> write) {
        assertThatThrownBy(() -> write.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StoreUnavailableException.class);
    }

    private List<String> children() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM child")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private Connection open() {
        try {
            if (backend() == Backend.EMBEDDED) {
                Connection connection = DriverManager.getConnection(url);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA foreign_keys = ON");
                }
                return connection;
            }
            return DriverManager.getConnection(url, "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code real}, except that {@code commit()} does what {@code commit} says. */
    private static Connection withCommit(Connection real, Commit commit) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("commit") && method.getParameterCount() == 0) {
                        commit.run(real);
                        return null;
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void await(CountDownLatch latch) throws SQLException {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new SQLException("the test never let the commit go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        }
    }

    @FunctionalInterface
    private interface Commit {
        void run(Connection real) throws SQLException;
    }
}
