package io.graphmeet;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.Version;
import io.graphmeet.testing.ServerProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own flags and what it tells its operator when it starts and stops, seen from a real process. */
class ServerFlagsAndLogTest {

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

    @Test
    void helpListsEverySettingWithItsVariableAndDefault() {
        try (ServerProcess help = ServerProcess.start(Map.of(), scratch.resolve("help.log"), "--help")) {
            assertThat(help.awaitExit()).isZero();
            assertThat(help.log())
                    .contains(
                            "Usage: graphmeet",
                            "--config FILE",
                            "--version",
                            "server.port / GRAPHMEET_SERVER_PORT  [default 8080]",
                            "issuer.enabled / GRAPHMEET_ISSUER_ENABLED  [default true (production: false)]",
                            "storage.postgres.connectTimeout / GRAPHMEET_STORAGE_POSTGRES_CONNECT_TIMEOUT  [default PT30S]",
                            "auth.issuers / GRAPHMEET_AUTH_ISSUERS");
        }
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        try (ServerProcess version = ServerProcess.start(Map.of(), scratch.resolve("version.log"), "--version")) {
            assertThat(version.awaitExit()).isZero();
            assertThat(version.log().strip()).isEqualTo("graphmeet " + Version.current());
        }
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownArgumentIsOneLineAndExit2() {
        try (ServerProcess wrong = ServerProcess.start(Map.of(), scratch.resolve("wrong.log"), "--port", "9")) {
            assertThat(wrong.awaitExit()).isEqualTo(2);
            assertThat(wrong.log().strip()).isEqualTo("graphmeet: unknown argument '--port' (see --help)");
        }
    }

    /** One start and stop, read for everything a normal start must tell its operator. */
    @Test
    void logsTheVersionEverySettingMaskedTyposWarnedAndALineAtShutdown() {
        Map<String, String> environment = embedded();
        environment.put("GRAPHMEET_ADMIN_KEY", "admin-s3cret");
        environment.put("GRAPHMEET_SERVER_PROT", "9000");
        environment.put("GRAPHMEET_SERVER_URL", "http://127.0.0.1:1");
        try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
            server.awaitLog("graphmeet ready");
            assertThat(server.log()).contains("graphmeet " + Version.current() + " starting");
            assertThat(server.log())
                    .contains(
                            "admin.key=****",
                            "storage.postgres.url=",
                            "storage.postgres.password=",
                            "auth.tokenCacheBytes=16777216",
                            "directory.strict=false",
                            "server.maxBodyBytes=65536",
                            "tls.keystorePassword=",
                            "auth.issuers=[]")
                    .doesNotContain("admin-s3cret");
            assertThat(server.log())
                    .contains(
                            "WARNING", "GRAPHMEET_SERVER_PROT names no setting", "did you mean GRAPHMEET_SERVER_PORT?")
                    .doesNotContain("GRAPHMEET_SERVER_URL names no setting");
            assertThat(server.log()).doesNotContain("graphmeet stopped");
            server.stop();
            assertThat(server.log()).contains("graphmeet stopped");
        }
    }

    @Test
    void theProductionProfileWithNoTrustedIssuerWarnsThatEveryCallWillBeRefused() {
        Map<String, String> environment = embedded();
        environment.put("GRAPHMEET_PROFILE", "production");
        try (ServerProcess server = ServerProcess.start(environment, scratch.resolve("server.log"))) {
            server.awaitLog("graphmeet ready");
            assertThat(server.log())
                    .contains("WARNING", "no token issuer is trusted", "every Graph call will be refused");
        }
    }
}
