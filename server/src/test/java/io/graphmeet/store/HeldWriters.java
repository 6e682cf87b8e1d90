package io.graphmeet.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Keeps every writer thread of a group committer busy inside a write of its own until released, so that the
 * writes submitted meanwhile queue up and are committed together, in one batch per writer, afterwards.
 */
final class HeldWriters implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Holds {@code writerThreads} writers through {@code write}, one at a time, each only once the one before is
     * inside its write — so that each hold occupies a writer of its own.
     */
    static HeldWriters hold(Function<SqlWork<Object>, Object> write, int writerThreads) throws Exception {
        HeldWriters held = new HeldWriters();
        for (int i = 0; i < writerThreads; i++) {
            CountDownLatch inside = new CountDownLatch(1);
            held.threads.submit(() -> write.apply(connection -> {
                inside.countDown();
                held.awaitRelease();
                return null;
            }));
            if (!inside.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("writer " + i + " never took the holding write");
            }
        }
        return held;
    }

    /** Lets the writers go on to the writes queued behind them. */
    void release() {
        release.countDown();
    }

    private void awaitRelease() throws SQLException {
        try {
            if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new SQLException("the test never released the writers");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        }
    }

    /** Waits, at most {@link #PATIENCE}, until {@code condition} holds. */
    static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Releases the writers, if the test has not, and waits for the holding writes to end. */
    @Override
    public void close() {
        release.countDown();
        threads.close();
    }
}
