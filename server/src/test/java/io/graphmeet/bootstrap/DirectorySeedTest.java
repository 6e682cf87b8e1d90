package io.graphmeet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.config.ConfigException;
import io.graphmeet.config.ConfigLoader;
import io.graphmeet.directory.Credentials;
import io.graphmeet.faults.FaultRules;
import io.graphmeet.store.Database;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.RepositoryFiles;
import io.graphmeet.testing.ServerProcess;
import io.graphmeet.testing.TestServer;
import io.graphmeet.testing.TokenHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory seed declares everything a CI job needs to get tokens, and says what it applied. */
class DirectorySeedTest {

    private static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    private static final String MEGAN = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    private static final String BOT = "3e5f7a9b-2c4d-4e6f-8a0b-1c2d3e4f5a6b";
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final FaultRules faults = new FaultRules(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path scratch;

    /** The README's own example, started as CI would start it: tokens and a meeting with no admin call. */
    @Test
    void theReadmesSeedLetsCiGetTokensWithNoAdminCalls() throws IOException {
        Path seed = scratch.resolve("seed.yaml");
        Files.writeString(seed, readmeSeed());
        Map<String, String> environment = new HashMap<>();
        environment.put("GRAPHMEET_STORAGE_DATA_DIR", scratch.resolve("data").toString());
        environment.put("GRAPHMEET_SERVER_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_ADMIN_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_MANAGEMENT_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_ADMIN_KEY", TestServer.ADMIN_KEY);
        environment.put("GRAPHMEET_DIRECTORY_BOOTSTRAP_FILE", seed.toString());
        environment.put("BOT_SECRET", "ci-only-secret");
        environment.put("MEGAN_PASSWORD", "ci-only-password");
        GraphHttp graph = new GraphHttp("http://127.0.0.1:" + environment.get("GRAPHMEET_SERVER_PORT"));
        TokenHttp tokens = new TokenHttp(graph);

        for (String run : new String[] {"first", "second"}) {
            try (ServerProcess server = ServerProcess.start(environment, scratch.resolve(run + ".log"))) {
                server.awaitLog("graphmeet ready");
                assertThat(server.log())
                        .contains(
                                "directory seed " + seed + " applied: 1 tenant(s), "
                                        + "1 user(s) (1 with a password), 1 app(s) (1 with a secret), 1 policy(ies), 2 grant(s)");

                String appToken = TokenHttp.accessToken(tokens.clientCredentials(TENANT, BOT, "ci-only-secret"));
                assertThat(graph.post(
                                        "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet",
                                        appToken,
                                        "{\"externalId\":\"ci-app\"}")
                                .status())
                        .isIn(200, 201);
                String userToken = TokenHttp.accessToken(tokens.password(
                        TENANT, BOT, "megan@contoso.com", "ci-only-password", "OnlineMeetings.ReadWrite"));
                assertThat(graph.post("/v1.0/me/onlineMeetings/createOrGet", userToken, "{\"externalId\":\"ci-user\"}")
                                .status())
                        .isIn(200, 201);
                assertThat(tokens.clientCredentials(TENANT, BOT, "wrong-secret").status())
                        .isEqualTo(401);

                AdminHttp admin = new AdminHttp(
                        "http://127.0.0.1:" + environment.get("GRAPHMEET_ADMIN_PORT"), TestServer.ADMIN_KEY);
                assertThat(admin.get("/admin/v1/tenants/" + TENANT + "/apps/" + BOT)
                                .json()
                                .path("secrets"))
                        .as("re-applying the seed replaces its secret")
                        .hasSize(1);
            }
        }
    }

    @Test
    void aSecretMayBeWrittenInTheFileAndPasswordsAreStoredHashed() throws IOException {
        try (Database database = database()) {
            apply(database, """
                    tenants:
                      - id: %s
                        users: [{id: %s, upn: megan@contoso.com, password: in-the-file}]
                        apps: [{appId: %s, secret: also-in-the-file}]
                    """.formatted(TENANT, MEGAN, BOT), Map.of());
            String hash = database.directory().passwordHash(TENANT, MEGAN).orElseThrow();
            assertThat(hash).doesNotContain("in-the-file");
            assertThat(Credentials.matches("in-the-file", hash)).isTrue();
            assertThat(database.directory().secrets(TENANT, BOT))
                    .singleElement()
                    .satisfies(secret -> assertThat(Credentials.matches("also-in-the-file", secret.hash()))
                            .isTrue());
            assertThat(database.directory().app(TENANT, BOT).orElseThrow().permissions())
                    .containsExactly("OnlineMeetings.ReadWrite.All");
        }
    }

    @Test
    void mistakesAreRefusedNamingTheEntry() throws IOException {
        try (Database database = database()) {
            assertRefused(
                    database,
                    "tenants: [{id: %s, apps: [{appId: %s, secretFromEnv: NOT_SET}]}]".formatted(TENANT, BOT),
                    "tenants[0].apps[0].secretFromEnv",
                    "NOT_SET is not set");
            assertRefused(
                    database,
                    "tenants: [{id: %s, apps: [{appId: %s, secret: a, secretFromEnv: B}]}]".formatted(TENANT, BOT),
                    "tenants[0].apps[0]",
                    "not both");
            assertRefused(
                    database,
                    "tenants: [{id: %s, apps: [{appId: bot}]}]".formatted(TENANT),
                    "tenants[0].apps[0].appId",
                    "GUID");
            assertRefused(
                    database,
                    "tenants: [{id: %s, users: [{id: megan}]}]".formatted(TENANT),
                    "tenants[0].users[0].id",
                    "GUID");
            assertRefused(
                    database,
                    "tenants: [{id: %s, policies: [{identity: p, appIds: [bot]}]}]".formatted(TENANT),
                    "tenants[0].policies[0].appIds[0]",
                    "GUID");
            assertRefused(
                    database,
                    "tenants: [{id: %s, grants: [{policy: none, global: true}]}]".formatted(TENANT),
                    "tenants[0].grants[0].policy",
                    "no policy named 'none'");
            assertRefused(
                    database, "tenants: [{id: %s, apps: [{appId: %s, colour: red}]}]".formatted(TENANT, BOT), "colour");
        }
    }

    private void assertRefused(Database database, String yaml, String... mentions) {
        assertThatThrownBy(() -> apply(database, yaml, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("directory.bootstrapFile ")
                .hasMessageContainingAll(mentions);
    }

    private String apply(Database database, String yaml, Map<String, String> environment) throws IOException {
        Path file = Files.createTempFile(scratch, "seed", ".yaml");
        Files.writeString(file, yaml);
        return BootstrapFile.apply(file, database.directory(), faults, environment::get, NOW);
    }

    private Database database() {
        return Database.open(ConfigLoader.load(
                        null,
                        Map.of(
                                "GRAPHMEET_STORAGE_DATA_DIR",
                                scratch.resolve("data").toString()))
                .storage());
    }

    /** The YAML block of the README's "The directory seed" section. */
    private static String readmeSeed() throws IOException {
        String readme = Files.readString(RepositoryFiles.path("README.md"));
        String section = readme.substring(readme.indexOf("### The directory seed"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        return section.substring(start, section.indexOf("```", start));
    }
}
