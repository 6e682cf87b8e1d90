package io.graphmeet;

import io.graphmeet.config.GraphmeetConfig;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one slow or greedy client may hold on a listener. A request must arrive whole, headers and body, within
 * the read timeout of its first line: a connection still waiting for the client's bytes after that is closed, so
 * trickling a byte at a time buys nothing (a pause longer than the timeout ends it too). A connection idle that
 * long between requests is closed. Requests past the concurrency bound get {@code 503} with {@code Retry-After}
 * (from {@link io.graphmeet.api.GraphDirectHandler}) while the others go on; connections past the connection bound
 * wait to be accepted.
 */
final class ConnectionLimits {

    private ConnectionLimits() {}

    /** Applies {@code limits} to one listener's configuration. */
    static <B extends ListenerConfig.BuilderBase<B, ?>> B apply(B listener, GraphmeetConfig.Connections limits) {
        Duration quarter = limits.idleTimeout().dividedBy(4);
        RequestDeadline deadline = new RequestDeadline(limits.readTimeout().toNanos());
        return listener.connectionOptions(socket -> socket.readTimeout(limits.readTimeout()))
                .idleConnectionTimeout(limits.idleTimeout())
                .idleConnectionPeriod(quarter.toMillis() < 100 ? Duration.ofMillis(100) : quarter)
                .maxConcurrentRequests(limits.maxConcurrentRequests())
                .maxTcpConnections(limits.maxConnections())
                .addProtocol(Http1Config.builder()
                        .name("http_1_1") // the name of Helidon's own HTTP/1.1 settings, which these replace
                        .addReceiveListener(deadline)
                        .addSendListener(deadline)
                        .build());
    }

    /**
     * Starts a request's clock when its first line has arrived and stops it when its answer starts, both on the
     * connection's own thread. {@link Watchdog} interrupts a thread past its deadline while it waits for the
     * client's bytes, which closes the connection; a thread busy answering is left alone.
     */
    private static final class RequestDeadline implements Http1ConnectionListener {

        private final long timeoutNanos;

        RequestDeadline(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void prologue(ConnectionContext connection, HttpPrologue prologue) {
            Watchdog.watch(Thread.currentThread(), System.nanoTime() + timeoutNanos);
        }

        @Override
        public void status(ConnectionContext connection, Status status) {
            Watchdog.forget(Thread.currentThread());
        }
    }

    /** One daemon thread for the process, looking at the connections whose request is still arriving. */
    private static final class Watchdog {

        private static final Map<Thread, Long> DEADLINES = new ConcurrentHashMap<>();
        private static final long PERIOD_MILLIS = 100;
        private static final Set<String> SOCKET_READS =
                Set.of("sun.nio.ch.NioSocketImpl", "sun.nio.ch.SocketChannelImpl", "sun.nio.ch.SocketInputStream");

        static {
            Thread.ofPlatform().daemon().name("graphmeet-request-deadlines").start(Watchdog::run);
        }

        static void watch(Thread thread, long deadlineNanos) {
            DEADLINES.put(thread, deadlineNanos);
        }

        static void forget(Thread thread) {
            DEADLINES.remove(thread);
        }

        private static void run() {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                DEADLINES.forEach((thread, deadline) -> {
                    if (!thread.isAlive()) {
                        DEADLINES.remove(thread, deadline);
                    } else if (now - deadline > 0 && waitsForTheClient(thread)) {
                        DEADLINES.remove(thread, deadline);
                        thread.interrupt();
                    }
                });
            }
        }

        /** Whether the thread is blocked reading its socket, as opposed to working on an answer. */
        private static boolean waitsForTheClient(Thread thread) {
            for (StackTraceElement frame : thread.getStackTrace()) {
                if (SOCKET_READS.contains(frame.getClassName())
                        && frame.getMethodName().contains("read")) {
                    return true;
                }
            }
            return false;
        }
    }
}
