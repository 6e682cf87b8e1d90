package io.graphmeet.observe;

import io.graphmeet.config.GraphmeetConfig;
import io.graphmeet.http.Json;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * The access log: one line per Graph request as a record of its own logger name ({@value #LOGGER}), published
 * straight to this log's own handler (standard output or a file) and never to the application's log, so two
 * servers in one JVM (as in tests) keep separate logs.
 */
public final class AccessLog implements AutoCloseable {

    public static final String LOGGER = "graphmeet.access";

    private final GraphmeetConfig.AccessLogFormat format;
    private final Handler handler;

    private AccessLog(GraphmeetConfig.AccessLogFormat format, Handler handler) {
        this.format = format;
        this.handler = handler;
    }

    /** The access log {@code settings} describe; with format {@code off} it writes nothing. */
    public static AccessLog open(GraphmeetConfig.AccessLog settings) {
        if (settings.format() == GraphmeetConfig.AccessLogFormat.OFF) {
            return new AccessLog(settings.format(), null);
        }
        OutputStream out;
        try {
            out = settings.file() == null
                    ? System.out
                    : new FileOutputStream(settings.file().toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + settings.file(), e);
        }
        StreamHandler handler = new StreamHandler(out, new LineFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }

            @Override
            public synchronized void close() {
                if (settings.file() == null) {
                    flush(); // standard output stays open for the rest of the process
                } else {
                    super.close();
                }
            }
        };
        try {
            handler.setEncoding(StandardCharsets.UTF_8.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AccessLog(settings.format(), handler);
    }

    public void write(AccessLogEntry entry) {
        if (handler == null) {
            return;
        }
        LogRecord record =
                new LogRecord(Level.INFO, format == GraphmeetConfig.AccessLogFormat.JSON ? json(entry) : text(entry));
        record.setLoggerName(LOGGER);
        handler.publish(record);
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
                String.format("%.3fms", e.latencyMillis()),
                e.bytes() + "B");
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    @Override
    public void close() {
        if (handler != null) {
            handler.close();
        }
    }

    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + System.lineSeparator();
        }
    }
}
