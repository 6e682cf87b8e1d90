package io.graphmeet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * graphmeet's own {@code Main} in a child JVM, as a user starts it: its arguments, its environment (nothing
 * inherited but the JDK's), its standard output and error in one log file. For what only a real process shows:
 * exit statuses, the start-up log, signals, a SIGKILL in the middle of load. {@link #start} gives the raw process;
 * {@link #startReady} a server on free loopback ports chosen here, once it has logged that it is ready.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    /** How long {@link #close()} lets a server drain after SIGTERM before it kills it. */
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final Ports ports;

    /** The ports {@link #startReady} chose (0: not chosen here). */
    private record Ports(int graph, int admin, int management) {
        static final Ports NONE = new Ports(0, 0, 0);
    }

    private ServerProcess(Process process, Path log, Ports ports) {
        this.process = process;
        this.log = log;
        this.ports = ports;
    }

    /** Starts {@code io.graphmeet.Main} with exactly {@code environment} and {@code arguments}. */
    public static ServerProcess start(Map<String, String> environment, Path log, String... arguments) {
        return run(java(List.of(), arguments), environment, log);
    }

    /**
     * Starts a server with {@code environment} on free loopback ports chosen here (Graph, admin, management), its
     * admin API holding {@link TestServer#ADMIN_KEY} unless the environment names another key, in a 256 MiB heap,
     * and waits until it logs that it is ready.
     */
    public static ServerProcess startReady(Map<String, String> environment, Path log) {
        Ports ports = new Ports(freePort(), freePort(), freePort());
        Map<String, String> chosen = new HashMap<>(environment);
        chosen.put("GRAPHMEET_SERVER_PORT", Integer.toString(ports.graph()));
        chosen.put("GRAPHMEET_ADMIN_PORT", Integer.toString(ports.admin()));
        chosen.put("GRAPHMEET_MANAGEMENT_PORT", Integer.toString(ports.management()));
        chosen.putIfAbsent("GRAPHMEET_ADMIN_KEY", TestServer.ADMIN_KEY);
        ServerProcess server = new ServerProcess(launch(java(List.of("-Xmx256m")), chosen, log), log, ports);
        try {
            server.awaitLog("graphmeet ready");
        } catch (AssertionError notReady) {
            server.close();
            throw notReady;
        }
        return server;
    }

    /** Runs {@code command} (e.g. {@code bin/graphmeet}) with exactly {@code environment}. */
    public static ServerProcess run(List<String> command, Map<String, String> environment, Path log) {
        return new ServerProcess(launch(command, environment, log), log, Ports.NONE);
    }

    private static List<String> java(List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.graphmeet.Main"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Process launch(List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Graph API of a server from {@link #startReady}. */
    public GraphHttp http() {
        return new GraphHttp("http://127.0.0.1:" + chosen(ports.graph()));
    }

    /** The admin API of a server from {@link #startReady}, holding {@link TestServer#ADMIN_KEY}. */
    public AdminHttp admin() {
        return new AdminHttp("http://127.0.0.1:" + chosen(ports.admin()), TestServer.ADMIN_KEY);
    }

    /** The management listener's base URL of a server from {@link #startReady}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + chosen(ports.management());
    }

    private static int chosen(int port) {
        if (port == 0) {
            throw new IllegalStateException("the ports of a process from start() or run() are the test's own");
        }
        return port;
    }

    /** Everything the process has written so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log contains {@code text}; fails if the process exits first or the limit passes. */
    public ServerProcess awaitLog(String text) {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (!log().contains(text)) {
            if (!process.isAlive() && !log().contains(text)) {
                throw new AssertionError(
                        "exited with " + process.exitValue() + " before logging '" + text + "':\n" + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no '" + text + "' within " + START_LIMIT + ":\n" + log());
            }
            pause();
        }
        return this;
    }

    /** Waits for the process to end by itself and returns its exit status. */
    public int awaitExit() {
        try {
            if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("still running after " + START_LIMIT + ":\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, without waiting: the server drains and stops by itself. */
    public void terminate() {
        process.destroy();
    }

    /** Asks the process to stop, as Ctrl-C or {@code docker stop} do (SIGTERM), and waits for it to end. */
    public int stop() {
        terminate();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM and up to {@link #CLOSE_LIMIT} to drain, then SIGKILL. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        terminate();
        try {
            if (!process.waitFor(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A loopback port nothing listens on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
