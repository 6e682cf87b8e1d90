package io.graphmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code graphmeet-cli fault add|list|remove|clear}, run in-process against a running server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch).start();
    }

    @AfterEach
    void clearRules() {
        server.admin().delete("/admin/v1/faults");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GraphmeetCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(
                        "GRAPHMEET_ADMIN_URL",
                        server.adminUrl(),
                        "GRAPHMEET_ADMIN_KEY",
                        TestServer.ADMIN_KEY,
                        "GRAPHMEET_SERVER_URL",
                        server.baseUrl()));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int createOrGet(String token) {
        return server.http()
                .post(
                        "/v1.0/users/" + DemoDirectory.USER_ID + "/onlineMeetings/createOrGet",
                        token,
                        "{\"externalId\":\"cli-" + UUID.randomUUID() + "\"}")
                .status();
    }

    @Test
    void addsARuleThatGraphRequestsThenMeet() throws IOException {
        String token = cli("token").out().strip();

        Run added = cli(
                "fault",
                "add",
                "--error",
                "429",
                "--retry-after",
                "2",
                "--operation",
                "createOrGet",
                "--match-user",
                DemoDirectory.USER_ID,
                "--times",
                "1");

        assertThat(added.status()).as(added.err()).isZero();
        JsonNode rule = added.json();
        assertThat(rule.path("id").asText()).isNotBlank();
        assertThat(rule.path("match").path("operation").asText()).isEqualTo("createOrGet");
        assertThat(rule.path("match").path("userId").asText()).isEqualTo(DemoDirectory.USER_ID);
        assertThat(rule.path("effect").path("retryAfterSeconds").asInt()).isEqualTo(2);
        assertThat(createOrGet(token)).isEqualTo(429);
        assertThat(createOrGet(token)).isEqualTo(201);
    }

    @Test
    void listsRemovesAndClearsRules() throws IOException {
        String first = cli(
                        "fault",
                        "add",
                        "--latency",
                        "5",
                        "--match-tenant",
                        DemoDirectory.TENANT_ID,
                        "--rate",
                        "0.5",
                        "--seed",
                        "42")
                .json()
                .path("id")
                .asText();
        JsonNode second = cli(
                        "fault",
                        "add",
                        "--drop",
                        "--match-app",
                        UUID.randomUUID().toString(),
                        "--ttl",
                        "600")
                .json();
        cli("fault", "add", "--commit-then-fail", "504");

        JsonNode listed = cli("fault", "list").json().path("value");
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).path("seed").asLong()).isEqualTo(42);
        assertThat(second.path("effect").path("drop").asBoolean()).isTrue();
        assertThat(second.path("ttlSeconds").asInt()).isEqualTo(600);
        assertThat(listed.get(2).path("effect").path("status").asInt()).isEqualTo(504);

        assertThat(cli("fault", "remove", first).status()).isZero();
        assertThat(cli("fault", "list").json().path("value")).hasSize(2);
        assertThat(cli("fault", "clear").status()).isZero();
        assertThat(cli("fault", "list").json().path("value")).isEmpty();
    }

    @Test
    void aBadRuleIsTheServersClear400AndStatus1() {
        Run refused = cli("fault", "add", "--error", "418");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("400 BadRequest").contains("effect.status");
    }

    @Test
    void removingAnUnknownRuleIsA404AndStatus1() {
        Run missing = cli("fault", "remove", "no-such-rule");

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("404 NotFound");
    }

    @Test
    void addingNeedsExactlyOneEffect() {
        assertThat(cli("fault", "add", "--times", "1").status()).isEqualTo(2);
        assertThat(cli("fault", "add", "--error", "503", "--drop").status()).isEqualTo(2);
    }
}
