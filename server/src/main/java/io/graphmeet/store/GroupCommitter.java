package io.graphmeet.store;

import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.observe.Metrics;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs writes in shared transactions: each writer thread takes every write waiting in the queue, runs them
 * in one transaction and commits once, so one fsync acknowledges many writes. A caller returns only after
 * the transaction holding its write has committed durably, or fails with {@link StoreUnavailableException} once
 * {@value #WRITE_TIMEOUT_SECONDS} s have passed; a write whose caller gave up before it was taken is never run.
 * (On an unreachable database writes fail much sooner: taking a connection does.)
 *
 * <p>Where a commit returns before it is durable (SQLite with {@code synchronous=NORMAL}), a {@link Sync} makes
 * it durable on a syncer thread while the writer already runs the next transaction: a batch's callers are
 * released, and its after-commit actions run, only once a sync that began after the batch's commit returned
 * has itself returned. Readers call {@link #awaitDurable()} before answering with what they read, so no answer
 * shows a write that is not yet durable.
 */
final class GroupCommitter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitter.class.getName());
    private static final int MAX_BATCH = 256;
    private static final long WRITE_TIMEOUT_SECONDS = 30;
    /** SQLState class of "connection exception": the connection is gone, so is every write on it. */
    private static final String CONNECTION_EXCEPTION = "08";

    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Supplier<Connection> connections;
    private final List<Thread> writers = new ArrayList<>();
    private final Metrics metrics;
    private volatile boolean closed;

    /** Makes durable every commit that returned before it was called. */
    @FunctionalInterface
    interface Sync {
        void run() throws IOException;
    }

    /** Null where a commit is durable when it returns. */
    private final Sync sync;

    private final BlockingQueue<Committed> committed = new LinkedBlockingQueue<>();
    private final Thread syncer;
    private volatile boolean writersStopped;
    /** Batches the writer began to commit, and the last of them made durable since: see {@link #awaitDurable()}. */
    private final AtomicLong commitsBegun = new AtomicLong();

    private volatile long durableThrough;
    private final ReentrantLock durability = new ReentrantLock();
    private final Condition madeDurable = durability.newCondition();

    /**
     * Commits are durable when they return.
     *
     * @param connections opens (or lends) a connection; each batch closes what it was given
     */
    GroupCommitter(Supplier<Connection> connections, int writerThreads, String name, Metrics metrics) {
        this(connections, writerThreads, name, metrics, null);
    }

    /**
     * One writer whose commits become durable only through {@code sync}, run on a syncer thread.
     *
     * @param connections opens (or lends) a connection; each batch closes what it was given
     */
    GroupCommitter(Supplier<Connection> connections, String name, Metrics metrics, Sync sync) {
        this(connections, 1, name, metrics, sync);
    }

    private GroupCommitter(
            Supplier<Connection> connections, int writerThreads, String name, Metrics metrics, Sync sync) {
        this.connections = connections;
        this.metrics = metrics;
        this.sync = sync;
        this.syncer = sync == null
                ? null
                : Thread.ofPlatform().daemon().name(name + "-syncer").start(this::syncLoop);
        for (int i = 0; i < writerThreads; i++) {
            Thread writer =
                    Thread.ofPlatform().daemon().name(name + "-writer-" + i).start(this::writeLoop);
            writers.add(writer);
        }
    }

    /**
     * Returns once every transaction whose commit began before this call is durable (at once where commits are
     * durable when they return). A reader calls it after reading and before answering: whatever it read was
     * committed before, so it answers only with durable data.
     */
    void awaitDurable() {
        if (sync == null) {
            return;
        }
        long seen = commitsBegun.get();
        if (durableThrough >= seen) {
            return;
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(WRITE_TIMEOUT_SECONDS);
        durability.lock();
        try {
            while (durableThrough < seen) {
                long left = giveUp - System.nanoTime();
                if (left <= 0) {
                    throw new StoreUnavailableException(
                            "writes not made durable within " + WRITE_TIMEOUT_SECONDS + " s", null);
                }
                madeDurable.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for durability", e);
        } finally {
            durability.unlock();
        }
    }

    /** Runs {@code work} in a transaction and returns its result once that transaction is durably committed. */
    <T> T write(SqlWork<T> work) {
        return write(work, result -> {});
    }

    /**
     * As {@link #write(SqlWork)}, and runs {@code afterCommit} with the result on the writer thread once the
     * transaction has committed, in commit order, before the caller is woken.
     */
    <T> T write(SqlWork<T> work, Consumer<T> afterCommit) {
        return submit(new Task<>(work, null, afterCommit, new CompletableFuture<>()));
    }

    /**
     * As {@link #write(SqlWork, Consumer)} for a write that begins with an insert: the inserts of one batch go to
     * the database together (in one round trip on PostgreSQL) before the batch's other writes run.
     */
    <T> T insert(Insert<T> insert, Consumer<T> afterCommit) {
        return submit(new Task<>(insert::runAlone, insert, afterCommit, new CompletableFuture<>()));
    }

    /** Inserts rows that may each insert nothing, and tells which it inserted, in their order. */
    @FunctionalInterface
    interface Rows {
        boolean[] insert(Connection connection, List<Object[]> rows) throws SQLException;
    }

    /**
     * A write that inserts {@code row} through {@code rows} (with the batch's other rows for the same
     * {@code rows}): if it inserted the row, its result is {@code inserted}; otherwise {@code otherwise} runs, in
     * the same transaction.
     */
    record Insert<T>(Rows rows, Object[] row, T inserted, SqlWork<T> otherwise) {

        T runAlone(Connection connection) throws SQLException {
            return rows.insert(connection, java.util.Collections.singletonList(row))[0]
                    ? inserted
                    : otherwise.run(connection);
        }
    }

    private <T> T submit(Task<T> task) {
        if (closed) {
            throw new StoreUnavailableException("the store is closed", null);
        }
        queue.add(task);
        try {
            return task.result().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreUnavailableException("write failed", e.getCause());
        } catch (TimeoutException e) {
            task.result().cancel(false);
            throw new StoreUnavailableException("write not committed within " + WRITE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while writing", e);
        }
    }

    /** How many writes wait for a writer thread: lets a test that holds the writers know its writes are queued. */
    int waiting() {
        return queue.size();
    }

    private void writeLoop() {
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Task<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(task -> task.result().isDone());
                if (!batch.isEmpty()) {
                    commitBatch(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreUnavailableException e) {
                LOG.log(Level.WARNING, "writes failed: {0}", e.getMessage());
                batch.forEach(task -> task.result().completeExceptionally(e));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "writer failed", e);
                batch.forEach(task -> task.result().completeExceptionally(unavailable(e)));
            } finally {
                batch.clear();
            }
        }
    }

    private void commitBatch(List<Task<?>> batch) {
        long started = System.nanoTime();
        Committed done = new Committed(new ArrayList<>(batch.size()), new ArrayList<>(batch.size()));
        try (Connection connection = connections.get()) {
            connection.setAutoCommit(false);
            List<Object> results;
            try {
                results = runAll(connection, batch);
                commit(connection);
                metrics.recordGroupCommit(batch.size(), System.nanoTime() - started);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                if (batch.size() == 1 || connectionLost(connection, e)) {
                    batch.forEach(task -> task.result().completeExceptionally(failure(e)));
                    return;
                }
                commitOneByOne(connection, batch, done);
                return;
            }
            done.tasks().addAll(batch);
            done.results().addAll(results);
        } catch (SQLException e) {
            batch.forEach(task -> task.result().completeExceptionally(unavailable(e)));
        } finally {
            release(done);
        }
    }

    /**
     * Runs a batch's writes in one transaction: first the rows of {@link Insert} writes, all rows of one
     * {@link Rows} at once, then every write in order (an insert that inserted nothing runs its {@code otherwise}).
     */
    private static List<Object> runAll(Connection connection, List<Task<?>> batch) throws SQLException {
        Object[] results = new Object[batch.size()];
        boolean[] inserted = new boolean[batch.size()];
        Map<Rows, List<Integer>> inserts = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Insert<?> insert = batch.get(i).insert();
            if (insert != null) {
                inserts.computeIfAbsent(insert.rows(), added -> new ArrayList<>())
                        .add(i);
            }
        }
        for (Map.Entry<Rows, List<Integer>> same : inserts.entrySet()) {
            List<Integer> tasks = same.getValue();
            boolean[] done = same.getKey()
                    .insert(
                            connection,
                            tasks.stream()
                                    .<Object[]>map(i -> batch.get(i).insert().row())
                                    .toList());
            for (int k = 0; k < done.length; k++) {
                int i = tasks.get(k);
                inserted[i] = done[k];
                results[i] = batch.get(i).insert().inserted();
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            Task<?> task = batch.get(i);
            if (task.insert() == null) {
                results[i] = task.work().run(connection);
            } else if (!inserted[i]) {
                results[i] = task.insert().otherwise().run(connection);
            }
        }
        return java.util.Arrays.asList(results);
    }

    /** After a shared transaction failed, gives every write its own so one bad write fails alone. */
    private void commitOneByOne(Connection connection, List<Task<?>> batch, Committed done) {
        for (Task<?> task : batch) {
            try {
                Object result = task.work().run(connection);
                commit(connection);
                done.tasks().add(task);
                done.results().add(result);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                task.result().completeExceptionally(failure(e));
            }
        }
    }

    private void commit(Connection connection) throws SQLException {
        commitsBegun.incrementAndGet();
        connection.commit();
    }

    /** Answers the writes of a batch that committed: now, or once the syncer has made them durable. */
    private void release(Committed done) {
        if (sync == null) {
            done.complete();
        } else {
            committed.add(new Committed(done.tasks(), done.results(), commitsBegun.get()));
        }
    }

    /**
     * Takes every batch committed since the last sync, syncs once, then answers them in commit order. A batch's
     * commit returned before it was queued here, so the sync covers it.
     */
    private void syncLoop() {
        List<Committed> synced = new ArrayList<>();
        while (!(writersStopped && committed.isEmpty())) {
            try {
                Committed first = committed.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                synced.add(first);
                committed.drainTo(synced);
                StoreUnavailableException failed = null;
                if (synced.stream().anyMatch(batch -> !batch.tasks().isEmpty())) {
                    try {
                        sync.run();
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.SEVERE, "committed writes could not be made durable", e);
                        failed = new StoreUnavailableException("committed but not made durable: " + e.getMessage(), e);
                    }
                }
                for (Committed batch : synced) {
                    if (failed == null) {
                        batch.complete();
                    } else {
                        StoreUnavailableException failure = failed;
                        batch.tasks().forEach(task -> task.result().completeExceptionally(failure));
                    }
                }
                madeDurableThrough(synced.getLast().sequence());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                synced.clear();
            }
        }
    }

    private void madeDurableThrough(long sequence) {
        durability.lock();
        try {
            durableThrough = sequence;
            madeDurable.signalAll();
        } finally {
            durability.unlock();
        }
    }

    /**
     * Whether the shared transaction failed because the connection is gone rather than because of one write:
     * then running the writes one by one on it cannot help, and whether the commit happened is unknown.
     */
    private static boolean connectionLost(Connection connection, Exception e) {
        if (e instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
            return true;
        }
        try {
            return connection.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result) {
        try {
            task.afterCommit().accept((T) result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "after-commit action failed", e);
        }
        task.result().complete((T) result);
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : unavailable(e);
    }

    private static StoreUnavailableException unavailable(Exception e) {
        return new StoreUnavailableException("database write failed: " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "rollback failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            join(writer);
        }
        writersStopped = true;
        if (syncer != null) {
            join(syncer);
        }
        Task<?> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new StoreUnavailableException("the store closed", null));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WRITE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A write; {@code insert} is null unless it begins with an insert that may share a JDBC batch. */
    private record Task<T>(SqlWork<T> work, Insert<T> insert, Consumer<T> afterCommit, CompletableFuture<T> result) {}

    /** The writes of a batch that committed, their results, and the last commit the writer had begun by then. */
    private record Committed(List<Task<?>> tasks, List<Object> results, long sequence) {

        Committed(List<Task<?>> tasks, List<Object> results) {
            this(tasks, results, 0);
        }

        void complete() {
            for (int i = 0; i < tasks.size(); i++) {
                GroupCommitter.complete(tasks.get(i), results.get(i));
            }
        }
    }
}
