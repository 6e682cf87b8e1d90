package io.graphmeet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * graphmeet's own {@code Main} in a child JVM, as a user starts it: its arguments, its environment (nothing
 * inherited but the JDK's), its standard output and error in one log file. For what only a real process shows:
 * exit statuses, the start-up log, signals.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code io.graphmeet.Main} with exactly {@code environment} and {@code arguments}. */
    public static ServerProcess start(Map<String, String> environment, Path log, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.graphmeet.Main"));
        command.addAll(List.of(arguments));
        return run(command, environment, log);
    }

    /** Runs {@code command} (e.g. {@code bin/graphmeet}) with exactly {@code environment}. */
    public static ServerProcess run(List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new ServerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                throw new AssertionError("exited with " + process.exitValue() + " before logging '" + text + "':\n"
                        + log());
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

    /** Asks the process to stop, as Ctrl-C or {@code docker stop} do (SIGTERM), and waits for it to end. */
    public int stop() {
        process.destroy();
        return awaitExit();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
