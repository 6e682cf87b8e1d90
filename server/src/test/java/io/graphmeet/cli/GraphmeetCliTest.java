package io.graphmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.graphmeet.admin.AdminRoutes;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** graphmeet-cli's main entry, run in-process against a running server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphmeetCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch).start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** What one command printed and its exit status. */
    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run cli(String... args) {
        return cli(
                Map.of(
                        "GRAPHMEET_ADMIN_URL",
                        server.adminUrl(),
                        "GRAPHMEET_ADMIN_KEY",
                        TestServer.ADMIN_KEY,
                        "GRAPHMEET_SERVER_URL",
                        server.baseUrl()),
                args);
    }

    private static Run cli(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GraphmeetCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(String tenant, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--tenant");
        all.add(tenant);
        return all.toArray(String[]::new);
    }

    private int createOrGet(String tenant, String userId, String token) {
        return server.http()
                .post(
                        "/v1.0/users/" + userId + "/onlineMeetings/createOrGet",
                        token,
                        "{\"externalId\":\"cli-" + UUID.randomUUID() + "\"}")
                .status();
    }

    @Test
    void setsUpATenantAndGrantsAPolicyTheWayTeamsCmdletsDo() throws IOException {
        String tenant = cli("tenant", "add", "--display-name", "Northwind")
                .json()
                .path("id")
                .asText();
        String user = cli(with(tenant, "user", "add", "--upn", "nestor@northwind.example", "--password", "pw"))
                .json()
                .path("id")
                .asText();
        JsonNode app = cli(with(tenant, "app", "add", "--display-name", "bot")).json();
        String appId = app.path("appId").asText();
        String secret = app.path("secretText").asText();

        Run token = cli(with(tenant, "token", "--app", appId, "--secret", secret));
        assertThat(token.status()).isZero();
        String appToken = token.out().strip();
        assertThat(createOrGet(tenant, user, appToken)).isEqualTo(403);

        assertThat(cli(with(
                                tenant,
                                "policy",
                                "new",
                                "--identity",
                                "bots",
                                "--app-ids",
                                UUID.randomUUID().toString()))
                        .status())
                .isZero();
        assertThat(cli(with(tenant, "policy", "set", "--identity", "bots", "--add", appId))
                        .json()
                        .path("appIds"))
                .hasSize(2);
        assertThat(cli(with(tenant, "policy", "grant", "--policy", "bots", "--user", user))
                        .status())
                .isZero();
        assertThat(createOrGet(tenant, user, appToken)).isEqualTo(201);

        assertThat(cli(with(tenant, "policy", "revoke", "--user", user)).status())
                .isZero();
        assertThat(createOrGet(tenant, user, appToken)).isEqualTo(403);
        assertThat(cli(with(tenant, "policy", "grant", "--policy", "bots", "--global"))
                        .status())
                .isZero();
        assertThat(createOrGet(tenant, user, appToken)).isEqualTo(201);
        assertThat(cli(with(tenant, "policy", "grants")).json().path("global").asText())
                .isEqualTo("bots");

        assertThat(cli(with(tenant, "policy", "set", "--identity", "bots", "--remove", appId))
                        .status())
                .isZero();
        assertThat(createOrGet(tenant, user, appToken)).isEqualTo(403);
    }

    @Test
    void printsADelegatedTokenForAUser() throws Exception {
        Run run = cli("token", "--user", DemoDirectory.USER_UPN, "--scopes", "OnlineMeetings.ReadWrite,User.Read");
        assertThat(run.status()).isZero();
        var claims = SignedJWT.parse(run.out().strip()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("scp")).isEqualTo("OnlineMeetings.ReadWrite User.Read");
        assertThat(server.http()
                        .post("/v1.0/me/onlineMeetings/createOrGet", run.out().strip(), "{\"externalId\":\"cli-me\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void printsADemoAppTokenByDefault() throws Exception {
        Run run = cli("token");
        assertThat(SignedJWT.parse(run.out().strip()).getJWTClaimsSet().getStringClaim("appid"))
                .isEqualTo(DemoDirectory.APP_ID);
        assertThat(createOrGet(
                        DemoDirectory.TENANT_ID,
                        DemoDirectory.USER_ID,
                        run.out().strip()))
                .isEqualTo(201);
    }

    @Test
    void managesUsersAppsAndSecrets() throws IOException {
        String tenant = cli("tenant", "add").json().path("id").asText();
        String user = cli(with(tenant, "user", "add", "--upn", "a@b.example"))
                .json()
                .path("id")
                .asText();
        assertThat(cli(with(tenant, "user", "set", "--user", user, "--display-name", "A"))
                        .json()
                        .path("displayName")
                        .asText())
                .isEqualTo("A");
        assertThat(cli(with(tenant, "user", "list")).json().path("value")).hasSize(1);
        assertThat(cli(with(tenant, "user", "get", "--user", user)).status()).isZero();
        assertThat(cli(with(tenant, "user", "remove", "--user", user)).out()).isEmpty();

        String app = cli(with(tenant, "app", "add", "--permissions", "OnlineMeetings.Read.All"))
                .json()
                .path("appId")
                .asText();
        String secretId = cli(with(tenant, "app", "add-secret", "--app", app))
                .json()
                .path("id")
                .asText();
        assertThat(cli(with(tenant, "app", "get", "--app", app)).json().path("secrets"))
                .hasSize(2);
        assertThat(cli(with(tenant, "app", "remove-secret", "--app", app, "--secret-id", secretId))
                        .status())
                .isZero();
        assertThat(cli(with(tenant, "app", "set", "--app", app, "--permissions", "OnlineMeetings.ReadWrite.All"))
                        .json()
                        .path("permissions")
                        .get(0)
                        .asText())
                .isEqualTo("OnlineMeetings.ReadWrite.All");
        assertThat(cli(with(tenant, "app", "list")).json().path("value")).hasSize(1);
        assertThat(cli(with(tenant, "app", "remove", "--app", app)).status()).isZero();
        assertThat(cli(with(tenant, "policy", "new", "--identity", "p", "--app-ids", app))
                        .status())
                .isZero();
        assertThat(cli(with(tenant, "policy", "get", "--identity", "p")).status())
                .isZero();
        assertThat(cli(with(tenant, "policy", "list")).json().path("value")).hasSize(1);
        assertThat(cli(with(tenant, "policy", "remove", "--identity", "p")).status())
                .isZero();
        assertThat(cli(with(tenant, "tenant", "get")).json().path("id").asText())
                .isEqualTo(tenant);
        assertThat(cli(with(tenant, "tenant", "remove")).status()).isZero();
        assertThat(cli("tenant", "list").json().path("value").findValuesAsText("id"))
                .doesNotContain(tenant);
    }

    @Test
    void resetsATenantsMeetings() throws IOException {
        String token = cli("token").out().strip();
        assertThat(createOrGet(DemoDirectory.TENANT_ID, DemoDirectory.USER_ID, token))
                .isEqualTo(201);
        Run reset = cli("tenant", "reset");
        assertThat(reset.json().path("deletedMeetings").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rotatesAndListsSigningKeys() throws IOException {
        cli("token");
        String kid = cli("key", "rotate").json().path("kid").asText();
        assertThat(cli("key", "list").json().path("value").get(0).path("kid").asText())
                .isEqualTo(kid);
    }

    @Test
    void reportsAdminApiErrorsWithStatus1() {
        Run run = cli("policy", "get", "--identity", "missing");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("404 NotFound: Policy 'missing' was not found.");
    }

    @Test
    void reportsIssuerErrorsAndMissingSecrets() {
        Run wrong = cli("token", "--app", DemoDirectory.APP_ID, "--secret", "wrong");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("invalid_client: AADSTS7000215");
        Run missing = cli("token", "--app", UUID.randomUUID().toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("--secret is required");
    }

    @Test
    void refusesAWrongAdminKeyAndBadUsage() {
        Run wrongKey =
                cli(Map.of("GRAPHMEET_ADMIN_URL", server.adminUrl(), "GRAPHMEET_ADMIN_KEY", "nope"), "tenant", "list");
        assertThat(wrongKey.status()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("401 Unauthorized");
        Run usage = cli("policy", "grant", "--policy", "p");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("--user", "--global");
    }

    @Test
    void findsTheServerByTheVariablesTheServerWasStartedWith(@TempDir Path dataDir) throws IOException {
        java.nio.file.Files.writeString(dataDir.resolve("admin.key"), TestServer.ADMIN_KEY + "\n");
        Map<String, String> asTheServer = Map.of(
                "GRAPHMEET_SERVER_PORT", Integer.toString(server.graphmeet().port()),
                "GRAPHMEET_ADMIN_PORT",
                        server.adminUrl().substring(server.adminUrl().lastIndexOf(':') + 1),
                "GRAPHMEET_STORAGE_DATA_DIR", dataDir.toString());

        Run tenants = cli(asTheServer, "tenant", "list");
        assertThat(tenants.status()).as(tenants.err()).isZero();
        assertThat(tenants.json().path("value").findValuesAsText("id")).contains(DemoDirectory.TENANT_ID);
        Run token = cli(asTheServer, "token");
        assertThat(token.status()).as(token.err()).isZero();
        assertThat(createOrGet(
                        DemoDirectory.TENANT_ID,
                        DemoDirectory.USER_ID,
                        token.out().strip()))
                .isEqualTo(201);
    }

    @Test
    void findsTheServerThroughItsConfigurationFile(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("graphmeet.yaml");
        java.nio.file.Files.writeString(
                config,
                "server:\n  port: " + server.graphmeet().port() + "\nadmin:\n  port: "
                        + server.adminUrl().substring(server.adminUrl().lastIndexOf(':') + 1) + "\n  key: "
                        + TestServer.ADMIN_KEY + "\n");
        Run run = cli(Map.of(), "--config", config.toString(), "tenant", "list");
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void acceptsTheAdminUrlExactlyAsTheServerLogsIt() {
        Run run = cli(
                Map.of(
                        "GRAPHMEET_ADMIN_URL",
                        server.adminUrl() + AdminRoutes.BASE,
                        "GRAPHMEET_ADMIN_KEY",
                        TestServer.ADMIN_KEY),
                "tenant",
                "list");
        assertThat(run.status()).as(run.err()).isZero();
        Run option = cli(
                Map.of("GRAPHMEET_ADMIN_KEY", TestServer.ADMIN_KEY),
                "--admin-url",
                server.adminUrl() + AdminRoutes.BASE + "/",
                "tenant",
                "list");
        assertThat(option.status()).as(option.err()).isZero();
    }

    @Test
    void aPortChosenAtStartMustBeGivenAsAUrl() {
        Run run = cli(Map.of("GRAPHMEET_SERVER_PORT", "0"), "token");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("server.port is 0", "--server-url");
    }

    @Test
    void showsTheServersErrorCodeAndMessageWhateverEndpointAnswers(@TempDir Path scratch) {
        try (TestServer production = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_PROFILE", "production")
                .start()) {
            Run run = cli(Map.of("GRAPHMEET_SERVER_URL", production.baseUrl()), "token");
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).matches("graphmeet-cli: 4\\d\\d \\w+: \\S.*\\s*");
        }
    }

    @Test
    void generatesShellCompletion() {
        Run run = cli(Map.of(), "completion");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("complete -F", "graphmeet-cli", "policy", "token", "--admin-url");
        assertThat(cli(Map.of(), "--help").out()).contains("completion");
    }

    @Test
    void readsAGeneratedAdminKeyFromTheDataDirectory(@TempDir Path dataDir) throws IOException {
        java.nio.file.Files.writeString(dataDir.resolve("admin.key"), TestServer.ADMIN_KEY + "\n");
        Run run = cli(
                Map.of("GRAPHMEET_ADMIN_URL", server.adminUrl()), "--data-dir", dataDir.toString(), "tenant", "list");
        assertThat(run.status()).isZero();
    }
}
