package io.graphmeet.fault;

import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** graphmeet's own Main in a child JVM, on free loopback ports, that a test may SIGKILL. */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int adminPort;
    private final int managementPort;

    private ServerProcess(Process process, int port, int adminPort, int managementPort) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.managementPort = managementPort;
    }

    /** Starts a server with {@code environment} (its ports chosen here) and waits until it is ready. */
    public static ServerProcess start(Map<String, String> environment, Path log) throws IOException, InterruptedException {
        int port = LocalPostgres.freePort();
        int adminPort = LocalPostgres.freePort();
        int managementPort = LocalPostgres.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.graphmeet.Main");
        builder.environment().putAll(environment);
        builder.environment().put("GRAPHMEET_SERVER_PORT", Integer.toString(port));
        builder.environment().put("GRAPHMEET_ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("GRAPHMEET_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().putIfAbsent("GRAPHMEET_ADMIN_KEY", TestServer.ADMIN_KEY);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(builder.start(), port, adminPort, managementPort);
        server.awaitReady(log);
        return server;
    }

    public GraphHttp http() {
        return new GraphHttp("http://127.0.0.1:" + port);
    }

    /** The admin API, holding {@link TestServer#ADMIN_KEY} unless the environment named another key. */
    public AdminHttp admin() {
        return new AdminHttp("http://127.0.0.1:" + adminPort, TestServer.ADMIN_KEY);
    }

    /** The management listener's base URL. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** SIGTERM, without waiting: the server drains and stops by itself. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("server still running after " + limit);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains("graphmeet ready")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("server did not start:\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
