package io.graphmeet;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps logging open at JVM exit until graphmeet has logged its last line. The JDK closes every log handler
 * from a shutdown hook of its own, which runs at the same time as the hook that stops graphmeet; placed before
 * the other handlers of the root logger, this one delays their closing until {@link #done()} (or a bound).
 */
final class ShutdownLog extends Handler {

    private static final long LONGEST_WAIT_SECONDS = 10;

    private final CountDownLatch done = new CountDownLatch(1);

    private ShutdownLog() {}

    /** Puts a new one before the root logger's handlers. */
    static ShutdownLog install() {
        ShutdownLog log = new ShutdownLog();
        Logger root = Logger.getLogger("");
        Handler[] others = root.getHandlers();
        for (Handler other : others) {
            root.removeHandler(other);
        }
        root.addHandler(log);
        for (Handler other : others) {
            root.addHandler(other);
        }
        return log;
    }

    /** The last line is logged: the handlers may close. */
    void done() {
        done.countDown();
    }

    @Override
    public void publish(LogRecord record) {
        // holds nothing: it only delays the closing of the handlers after it
    }

    @Override
    public void flush() {
        // nothing to flush
    }

    @Override
    public void close() {
        try {
            done.await(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
