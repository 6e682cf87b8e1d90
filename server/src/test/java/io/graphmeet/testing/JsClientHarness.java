package io.graphmeet.testing;

import io.graphmeet.demo.DemoDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the JavaScript client tests in {@code clients/js} (the Microsoft Graph JavaScript client and
 * {@code @azure/identity}) against a real graphmeet: starts a {@link TestServer} with its HTTPS listener on a
 * certificate made for the run, installs the locked npm packages unless exactly those are installed, and runs
 * {@code node --test} with the server's URLs, a token, the demo directory's credentials and the certificate as
 * {@code NODE_EXTRA_CA_CERTS}. Missing Node.js or npm is an error, never a skip.
 */
public final class JsClientHarness {

    /** {@code @azure/identity} and the Azure core packages it locks need Node 20. */
    static final int MIN_NODE_MAJOR = 20;

    /** Written into {@code node_modules} after an install: the lock file it installed. */
    private static final String INSTALLED_LOCK = ".graphmeet-installed-lock.json";

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(2);

    private JsClientHarness() {}

    /** What {@code node --test} printed (TAP) and how it exited. */
    public record Result(int exitCode, String output) {}

    /** Runs the tests in {@code clientDir} against a fresh embedded-database server. */
    public static Result run(Path clientDir, Path scratch) {
        requireNode();
        installLockedPackages(clientDir);
        SelfSignedCertificate certificate = SelfSignedCertificate.create(scratch);
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_TLS_KEYSTORE", certificate.keystore().toString())
                .setting("GRAPHMEET_TLS_KEYSTORE_PASSWORD", certificate.password())
                .setting("GRAPHMEET_TLS_PORT", "0")
                .start()) {
            String token = server.issuer().delegated(Contoso.TENANT, Contoso.MEGAN, Contoso.WRITE);
            return exec(
                    clientDir,
                    List.of("node", "--test", "--test-reporter=tap"),
                    Map.of(
                            "GRAPHMEET_BASE_URL", server.baseUrl(),
                            "GRAPHMEET_TOKEN", token,
                            "GRAPHMEET_HTTPS_URL", server.httpsUrl(),
                            "NODE_EXTRA_CA_CERTS",
                                    certificate
                                            .writePem(scratch.resolve("graphmeet-tls.pem"))
                                            .toString(),
                            "GRAPHMEET_DEMO_TENANT", DemoDirectory.TENANT_ID,
                            "GRAPHMEET_DEMO_APP_ID", DemoDirectory.APP_ID,
                            "GRAPHMEET_DEMO_APP_SECRET", DemoDirectory.APP_SECRET,
                            "GRAPHMEET_DEMO_USER", DemoDirectory.USER_ID,
                            "GRAPHMEET_DEMO_USER_UPN", DemoDirectory.USER_UPN,
                            "GRAPHMEET_DEMO_USER_PASSWORD", DemoDirectory.USER_PASSWORD),
                    TEST_TIMEOUT);
        }
    }

    /** Runs one script of {@code clientDir} with {@code node}, its locked npm packages installed if missing. */
    public static Result runScript(Path clientDir, String script, Map<String, String> environment) {
        requireNode();
        installLockedPackages(clientDir);
        return exec(clientDir, List.of("node", script), environment, TEST_TIMEOUT);
    }

    /** {@code npm ci} unless the packages of this very lock file are installed already. */
    private static void installLockedPackages(Path clientDir) {
        try {
            byte[] lock = Files.readAllBytes(clientDir.resolve("package-lock.json"));
            Path installed = clientDir.resolve("node_modules").resolve(INSTALLED_LOCK);
            if (Files.isRegularFile(installed) && Arrays.equals(Files.readAllBytes(installed), lock)) {
                return;
            }
            Result install = exec(clientDir, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), NPM_TIMEOUT);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed in " + clientDir + ":\n" + install.output());
            }
            Files.write(installed, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the JavaScript client tests from the project root; exits with node's exit code. */
    public static void main(String[] args) throws IOException {
        Result result = run(RepositoryFiles.path("clients", "js"), Files.createTempDirectory("graphmeet-js"));
        System.out.println(result.output());
        System.exit(result.exitCode());
    }

    private static void requireNode() {
        String version;
        try {
            version = exec(Path.of("."), List.of("node", "--version"), Map.of(), Duration.ofSeconds(30))
                    .output()
                    .strip();
            exec(Path.of("."), List.of("npm", "--version"), Map.of(), Duration.ofSeconds(60));
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(
                    "The JavaScript client tests need Node.js " + MIN_NODE_MAJOR
                            + "+ and npm on the PATH (" + e.getCause().getMessage() + "). Install Node.js, e.g. "
                            + "'apt-get install nodejs npm', and run the build again.",
                    e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
        if (major < MIN_NODE_MAJOR) {
            throw new IllegalStateException(
                    "The JavaScript client tests need Node.js " + MIN_NODE_MAJOR + "+, found " + version + ".");
        }
    }

    private static Result exec(
            Path directory, List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
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
