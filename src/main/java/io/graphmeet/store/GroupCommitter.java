package io.graphmeet.store;

import io.graphmeet.failure.StoreUnavailableException;
import io.graphmeet.observe.Metrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs writes in shared transactions: each writer thread takes every write waiting in the queue, runs them
 * in one transaction and commits once, so one fsync acknowledges many writes. A caller returns only after
 * the transaction holding its write has committed, or fails with {@link StoreUnavailableException} once
 * {@value #WRITE_TIMEOUT_SECONDS} s have passed; a write whose caller gave up before it was taken is never run.
 * (On an unreachable database writes fail much sooner: taking a connection does.)
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

    /** @param connections opens (or lends) a connection; each batch closes what it was given */
    GroupCommitter(Supplier<Connection> connections, int writerThreads, String name, Metrics metrics) {
        this.connections = connections;
        this.metrics = metrics;
        for (int i = 0; i < writerThreads; i++) {
            Thread writer = Thread.ofPlatform().daemon().name(name + "-writer-" + i).start(this::writeLoop);
            writers.add(writer);
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
        if (closed) {
            throw new StoreUnavailableException("the store is closed", null);
        }
        Task<T> task = new Task<>(work, afterCommit, new CompletableFuture<>());
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
        try (Connection connection = connections.get()) {
            connection.setAutoCommit(false);
            List<Object> results = new ArrayList<>(batch.size());
            try {
                for (Task<?> task : batch) {
                    results.add(task.work().run(connection));
                }
                connection.commit();
                metrics.recordGroupCommit(batch.size(), System.nanoTime() - started);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                if (batch.size() == 1 || connectionLost(connection, e)) {
                    batch.forEach(task -> task.result().completeExceptionally(failure(e)));
                    return;
                }
                commitOneByOne(connection, batch);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i), results.get(i));
            }
        } catch (SQLException e) {
            batch.forEach(task -> task.result().completeExceptionally(unavailable(e)));
        }
    }

    /** After a shared transaction failed, gives every write its own so one bad write fails alone. */
    private void commitOneByOne(Connection connection, List<Task<?>> batch) {
        for (Task<?> task : batch) {
            try {
                Object result = task.work().run(connection);
                connection.commit();
                complete(task, result);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                task.result().completeExceptionally(failure(e));
            }
        }
    }

    /**
     * Whether the shared transaction failed because the connection is gone rather than because of one write:
     * then running the writes one by one on it cannot help, and whether the commit happened is unknown.
     */
    private static boolean connectionLost(Connection connection, Exception e) {
        if (e instanceof SQLException sql && sql.getSQLState() != null
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
            try {
                writer.join(TimeUnit.SECONDS.toMillis(WRITE_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Task<?> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new StoreUnavailableException("the store closed", null));
        }
    }

    private record Task<T>(SqlWork<T> work, Consumer<T> afterCommit, CompletableFuture<T> result) {}
}
