package io.graphmeet;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged server started as a process, as a user starts it: whatever stops it from starting is one line
 * naming the cause, then exit status 2, and "ready" is never printed unless every listener serves.
 */
class StartupFailuresTest {

    @TempDir
    Path scratch;

    private Map<String, String> embedded() {
        Map<String, String> environment = new HashMap<>();
        environment.put("GRAPHMEET_STORAGE_DATA_DIR", scratch.resolve("data").toString());
        environment.put("GRAPHMEET_SERVER_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_ADMIN_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_MANAGEMENT_PORT", Integer.toString(ServerProcess.freePort()));
        return environment;
    }

    @ParameterizedTest
    @ValueSource(strings = {"GRAPHMEET_SERVER_PORT", "GRAPHMEET_ADMIN_PORT", "GRAPHMEET_MANAGEMENT_PORT"})
    void aTakenPortStopsStartUpNamingTheSettingAndTheAddress(String portVariable) throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Map<String, String> environment = embedded();
            environment.put(portVariable, Integer.toString(taken.getLocalPort()));

            try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
                assertThat(server.awaitExit()).isEqualTo(2);
                assertThat(failureLines(server))
                        .singleElement()
                        .asString()
                        .contains(portVariable, "127.0.0.1:" + taken.getLocalPort(), "cannot listen");
                assertThat(server.log()).doesNotContain("graphmeet ready", ":-1");
            }
        }
    }

    @Test
    void aSeedWithAnUnknownFieldIsOneLineAndExit2() throws IOException {
        assertSeedRefused("tenants:\n  - id: 5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f\n    colour: blue\n", "colour");
    }

    @Test
    void aSeedWhoseTenantIdIsNoGuidIsOneLineAndExit2() throws IOException {
        assertSeedRefused("tenants:\n  - id: contoso\n", "tenants[0].id", "GUID", "contoso");
    }

    @Test
    void aSeedThatIsAFolderIsOneLineAndExit2() {
        Map<String, String> environment = embedded();
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", scratch.toString());
        try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(failureLines(server))
                    .singleElement()
                    .asString()
                    .contains("directory.bootstrapFile", "is a folder");
        }
    }

    @Test
    void anUnreachablePostgresIsRetriedForTheConnectTimeoutThenOneLineAndExit2() {
        Map<String, String> environment = embedded();
        environment.put("GRAPHMEET_STORAGE_KIND", "postgres");
        environment.put(
                "GRAPHMEET_STORAGE_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:" + ServerProcess.freePort() + "/graphmeet?password=hunter2");
        environment.put("GRAPHMEET_STORAGE_POSTGRES_CONNECT_TIMEOUT", "PT2S");
        try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(server.log())
                    .contains("is not reachable yet", "trying again in")
                    .doesNotContain("hunter2");
            assertThat(failureLines(server))
                    .singleElement()
                    .asString()
                    .contains("storage.postgres.url", "storage.postgres.connectTimeout PT2S");
        }
    }

    @Test
    void aServerStartedBeforeItsPostgresWaitsForIt() throws IOException {
        int port = ServerProcess.freePort();
        Map<String, String> environment = embedded();
        environment.put("GRAPHMEET_STORAGE_KIND", "postgres");
        environment.put("GRAPHMEET_STORAGE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        environment.put("GRAPHMEET_STORAGE_POSTGRES_USER", "postgres");
        environment.put("GRAPHMEET_STORAGE_POSTGRES_CONNECT_TIMEOUT", "PT90S");
        try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
            server.awaitLog("is not reachable yet");
            try (EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder().setPort(port).start()) {
                server.awaitLog("graphmeet ready");
                assertThat(server.stop()).isNotEqualTo(2);
            }
        }
    }

    private void assertSeedRefused(String seed, String... mentions) throws IOException {
        Path file = scratch.resolve("seed.yaml");
        Files.writeString(file, seed);
        Map<String, String> environment = embedded();
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", file.toString());
        try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(failureLines(server))
                    .singleElement()
                    .asString()
                    .startsWith("graphmeet: invalid configuration: directory.bootstrapFile")
                    .contains(mentions);
            assertThat(server.log()).doesNotContain("graphmeet ready", "Exception", "\tat ");
        }
    }

    /** The lines that explain a failed start: graphmeet's own, on standard error. */
    private static List<String> failureLines(ServerProcess server) {
        return server.log()
                .lines()
                .filter(line -> line.startsWith("graphmeet: "))
                .toList();
    }
}
