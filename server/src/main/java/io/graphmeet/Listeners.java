package io.graphmeet;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The sockets graphmeet listens on, each named by the setting that chose its port. Helidon logs a listener
 * that fails to bind and carries on without it, so they are checked before the server starts (for a clear
 * message) and after (so start-up never goes on with a listener missing).
 */
final class Listeners {

    /** One listener: Helidon's socket name, the setting of its port, and its address. */
    private record Listener(String socket, String setting, String host, int port) {
        String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private final List<Listener> listeners = new ArrayList<>();

    /** Adds a listener; {@code setting} is the port's setting and environment variable, as users know them. */
    Listeners add(String socket, String setting, String host, int port) {
        listeners.add(new Listener(socket, setting, host, port));
        return this;
    }

    /** Fails, naming the setting and the address, when a fixed port cannot be bound right now. */
    void ensureFree() {
        for (Listener listener : listeners) {
            if (listener.port() == 0) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(listener.host(), listener.port()));
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                throw new StartupException(
                        listener.setting() + ": cannot listen on " + listener.address() + ": " + e.getMessage());
            }
        }
    }

    /** Fails, naming every listener that is not serving, unless {@code server} runs all of them. */
    void ensureServing(WebServer server) {
        ensureServing(server.isRunning(), server::port);
    }

    /** As {@link #ensureServing(WebServer)} for a server that is {@code running} with these ports (-1: none). */
    void ensureServing(boolean running, ToIntFunction<String> portOfSocket) {
        List<Listener> missing = listeners.stream()
                .filter(listener -> !running || portOfSocket.applyAsInt(listener.socket()) <= 0)
                .toList();
        if (!missing.isEmpty()) {
            throw new StartupException(missing.stream()
                    .map(listener -> listener.setting() + " on " + listener.address())
                    .collect(Collectors.joining(", ", "cannot listen: ", " (see the error above)")));
        }
    }
}
