package io.graphmeet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the Microsoft Graph JavaScript client tests in {@code clients/js} against a real graphmeet: starts a
 * {@link TestServer}, installs the locked npm packages if they are missing, and runs {@code node --test} with
 * {@code GRAPHMEET_BASE_URL} and {@code GRAPHMEET_TOKEN} set. Missing Node.js or npm is an error, never a skip.
 */
public final class JsClientHarness {

    /** Node's global {@code fetch}, which the client needs, arrived in Node 18. */
    static final int MIN_NODE_MAJOR = 18;

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(2);

    private JsClientHarness() {}

    /** What {@code node --test} printed (TAP) and how it exited. */
    public record Result(int exitCode, String output) {}

    /** Runs the tests in {@code clientDir} against a fresh embedded-database server. */
    public static Result run(Path clientDir, Path scratch) {
        requireNode();
        installIfMissing(clientDir);
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch).bootstrap(Contoso.DIRECTORY).start()) {
            String token = server.issuer().delegated(Contoso.TENANT, Contoso.MEGAN, Contoso.WRITE);
            return exec(clientDir, List.of("node", "--test", "--test-reporter=tap"),
                    Map.of("GRAPHMEET_BASE_URL", server.baseUrl(), "GRAPHMEET_TOKEN", token), TEST_TIMEOUT);
        }
    }

    /** Runs one script of {@code clientDir} with {@code node}, its locked npm packages installed if missing. */
    public static Result runScript(Path clientDir, String script, Map<String, String> environment) {
        requireNode();
        installIfMissing(clientDir);
        return exec(clientDir, List.of("node", script), environment, TEST_TIMEOUT);
    }

    private static void installIfMissing(Path clientDir) {
        if (!Files.isDirectory(clientDir.resolve("node_modules"))) {
            Result install = exec(clientDir, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), NPM_TIMEOUT);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed in " + clientDir + ":\n" + install.output());
            }
        }
    }

    /** Runs the JavaScript client tests from the project root; exits with node's exit code. */
    public static void main(String[] args) throws IOException {
        Result result = run(Path.of("clients", "js"), Files.createTempDirectory("graphmeet-js"));
        System.out.println(result.output());
        System.exit(result.exitCode());
    }

    private static void requireNode() {
        String version;
        try {
            version = exec(Path.of("."), List.of("node", "--version"), Map.of(), Duration.ofSeconds(30)).output().strip();
            exec(Path.of("."), List.of("npm", "--version"), Map.of(), Duration.ofSeconds(60));
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("The JavaScript client tests need Node.js " + MIN_NODE_MAJOR
                    + "+ and npm on the PATH (" + e.getCause().getMessage() + "). Install Node.js, e.g. "
                    + "'apt-get install nodejs npm', and run the build again.", e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
        if (major < MIN_NODE_MAJOR) {
            throw new IllegalStateException("The JavaScript client tests need Node.js " + MIN_NODE_MAJOR
                    + "+, found " + version + ".");
        }
    }

    private static Result exec(Path directory, List<String> command, Map<String, String> environment,
            Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), output.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + command, e);
        }
    }
}
