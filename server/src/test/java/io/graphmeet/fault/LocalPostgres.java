package io.graphmeet.fault;

import io.graphmeet.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, on its own data folder and loopback port, that the test may stop
 * the hard way and start again on the same data: the embedded distribution's binaries (zonky), started
 * through zonky, stopped with signals the way {@code pg_ctl stop -m immediate} and a crash do.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Duration SIGNAL_WAIT = Duration.ofSeconds(20);

    private final Path dataDir;
    private final int port;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres running;

    private LocalPostgres(Path dataDir, int port, Map<String, String> serverConfig) {
        this.dataDir = dataDir;
        this.port = port;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    /** A new server on a free port; {@code dataDir} is initialised unless it already holds a cluster. */
    static LocalPostgres start(Path dataDir, Map<String, String> serverConfig) {
        LocalPostgres postgres = new LocalPostgres(dataDir, ServerProcess.freePort(), serverConfig);
        postgres.start();
        return postgres;
    }

    /** Starts the server again on the same data folder and port. */
    void start() {
        if (running != null) {
            throw new IllegalStateException("already running");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60));
            serverConfig.forEach(builder::setServerConfig);
            running = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on " + dataDir, e);
        }
    }

    /** As {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, no checkpoint, clients cut off. */
    void stopImmediately() {
        ProcessHandle postmaster = postmaster();
        run("kill", "-QUIT", Long.toString(postmaster.pid()));
        awaitExit(List.of(postmaster));
    }

    /** As a crash of the machine: SIGKILL to the postmaster and every server process, at once. */
    void crash() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> processes =
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        awaitExit(processes);
    }

    private void awaitExit(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(SIGNAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not stop", e);
            }
        }
        forget();
    }

    private ProcessHandle postmaster() {
        long pid = postmasterPid();
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
    }

    /** Lets go of zonky's handle on a server that is already down, keeping the data folder. */
    private void forget() {
        try {
            running.close();
        } catch (IOException | RuntimeException alreadyDown) {
            // pg_ctl finds no server to stop: that is the point
        }
        running = null;
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"))
                    .getFirst()
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running on " + dataDir, e);
        }
    }

    boolean isRunning() {
        return running != null;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The JDBC URL of {@code database} as superuser {@code postgres}. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Runs one SQL statement on database {@code postgres}. */
    void execute(String sql) {
        try (Connection connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            running = null;
        }
    }
}
