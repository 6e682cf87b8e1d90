package io.graphmeet.observe;

import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.http.Json;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access log: one line per Graph request, written to standard output or a file of its own and never to the
 * application's log, so two servers in one JVM (as in tests) keep separate logs. Each line is written whole and
 * flushed before the next.
 */
public final class AccessLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

    private final GraphmeetConfig.AccessLogFormat format;
    private final OutputStream out;
    private final boolean ownsStream;
    private final ReentrantLock lock = new ReentrantLock();

    private AccessLog(GraphmeetConfig.AccessLogFormat format, OutputStream out, boolean ownsStream) {
        this.format = format;
        this.out = out;
        this.ownsStream = ownsStream;
    }

    /** The access log {@code settings} describe; with format {@code off} it writes nothing. */
    public static AccessLog open(GraphmeetConfig.AccessLog settings) {
        if (settings.format() == GraphmeetConfig.AccessLogFormat.OFF) {
            return new AccessLog(settings.format(), null, false);
        }
        if (settings.file() == null) {
            return new AccessLog(settings.format(), System.out, false);
        }
        try {
            return new AccessLog(
                    settings.format(), new FileOutputStream(settings.file().toFile(), true), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + settings.file(), e);
        }
    }

    public void write(AccessLogEntry entry) {
        if (out == null) {
            return;
        }
        String line =
                (format == GraphmeetConfig.AccessLogFormat.JSON ? json(entry) : text(entry)) + System.lineSeparator();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not write the access log", e);
        } finally {
            lock.unlock();
        }
    }

    private static String json(AccessLogEntry entry) {
        return new String(Json.write(entry), StandardCharsets.UTF_8);
    }

    /** Space-separated, in the order of the JSON fields; {@code -} for what does not apply. */
    private static String text(AccessLogEntry e) {
        return String.join(
                " ",
                e.time(),
                e.requestId(),
                e.clientRequestId(),
                e.traceId(),
                e.method(),
                e.path(),
                e.operation(),
                dash(e.tenant()),
                dash(e.appId()),
                dash(e.userId()),
                Integer.toString(e.status()),
                dash(e.errorCode()),
                milliseconds(e.latencyMillis()),
                e.bytes() + "B");
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    /** {@code 12.345ms}: three decimals, without {@link String#format}'s cost on every request. */
    static String milliseconds(double millis) {
        long micros = Math.round(millis * 1000);
        String fraction = Long.toString(micros % 1000);
        return micros / 1000 + "." + "000".substring(fraction.length()) + fraction + "ms";
    }

    /** Flushes what was written; closes the file, not standard output, which stays open for the process. */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        lock.lock();
        try {
            if (ownsStream) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not close the access log", e);
        } finally {
            lock.unlock();
        }
    }
}
