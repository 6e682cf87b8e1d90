package io.graphmeet.observe;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.store.Database;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.Scrape;
import io.graphmeet.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The management listener of a running server: health, Prometheus metrics, info; none of it on the Graph port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementListenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = "/v1.0/me/onlineMeetings/createOrGet";

    private TestServer server;

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void readinessPassesWhenTheDatabaseAnswersWithTheExpectedSchema() throws Exception {
        HttpResponse<String> ready = get("/observe/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").findValuesAsText("name")).contains("database", "schema", "serving");
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void readinessIs503NamingTheSchemaCheckWhenTheDatabaseHasANewerSchema() throws Exception {
        String url = "jdbc:sqlite:"
                + server.graphmeet()
                        .config()
                        .storage()
                        .dataDir()
                        .resolve(Database.EMBEDDED_FILE)
                        .toAbsolutePath();
        int newer = Database.expectedSchemaVersion() + 1;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_migrations (version, script, applied_at) VALUES (" + newer + ", 'V"
                    + newer + "__from_a_newer_build.sql', '2026-11-30T00:00:00Z')");
        }
        try {
            HttpResponse<String> ready = get("/observe/health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            JsonNode schema = check(body, "schema");
            assertThat(schema.path("status").asText()).isEqualTo("DOWN");
            assertThat(schema.toString()).contains("schema version " + newer);
            assertThat(check(body, "database").path("status").asText()).isEqualTo("UP");
        } finally {
            try (Connection connection = DriverManager.getConnection(url);
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM schema_migrations WHERE version = " + newer);
            }
        }
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreReadableByAPrometheusParserAndCountGraphRequestsByOperationAndStatus() {
        Scrape before = Scrape.of(server.graphmeet().managementUrl());
        String token = server.issuer().delegated(TENANT, MEGAN, WRITE);
        String body = "{\"externalId\":\"metrics-" + UUID.randomUUID() + "\"}";
        assertThat(server.http().post(ME, token, body).status()).isEqualTo(201);
        assertThat(server.http().post(ME, token, body).status()).isEqualTo(200);
        assertThat(server.http().post(ME, null, body).status()).isEqualTo(401);

        Scrape after = Scrape.of(server.graphmeet().managementUrl());

        assertThat(after.type("graphmeet_requests_total")).isEqualTo(MetricType.COUNTER);
        assertThat(increase(
                        before, after, "graphmeet_requests_total", Map.of("operation", "createOrGet", "status", "201")))
                .isEqualTo(1);
        assertThat(increase(
                        before, after, "graphmeet_requests_total", Map.of("operation", "createOrGet", "status", "200")))
                .isEqualTo(1);
        assertThat(increase(
                        before, after, "graphmeet_requests_total", Map.of("operation", "createOrGet", "status", "401")))
                .isEqualTo(1);
        assertThat(after.type("graphmeet_request_duration_seconds")).isEqualTo(MetricType.HISTOGRAM);
        assertThat(after.count("graphmeet_request_duration_seconds", Map.of("operation", "createOrGet"))
                        - before.count("graphmeet_request_duration_seconds", Map.of("operation", "createOrGet")))
                .isEqualTo(3);
        assertThat(increase(before, after, "graphmeet_createorget_total", Map.of("outcome", "created")))
                .isEqualTo(1);
        assertThat(increase(before, after, "graphmeet_createorget_total", Map.of("outcome", "existing")))
                .isEqualTo(1);
        assertThat(increase(before, after, "graphmeet_token_verifications_total", Map.of("result", "valid")))
                .isEqualTo(2);
        assertThat(increase(before, after, "graphmeet_token_verifications_total", Map.of("result", "missing")))
                .isEqualTo(1);
        assertThat(after.type("graphmeet_group_commit_batch_size")).isEqualTo(MetricType.HISTOGRAM);
        assertThat(after.count("graphmeet_group_commit_batch_size", Map.of())).isPositive();
        assertThat(after.type("graphmeet_group_commit_duration_seconds")).isEqualTo(MetricType.HISTOGRAM);
        assertThat(after.sample("hikaricp_connections_active", Map.of("pool", "graphmeet-sqlite-readers")))
                .isPresent();
        assertThat(after.sample("jvm_memory_used_bytes", Map.of())).isPresent();
        assertThat(after.sample("process_cpu_usage", Map.of())).isPresent();
        assertThat(after.sample("process_uptime_seconds", Map.of())).isPresent();
    }

    @Test
    void infoNamesVersionBuildProfileStorageAndUptime() throws Exception {
        HttpResponse<String> info = get("/observe/info");

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(info.body());
        assertThat(body.path("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(body.path("build").asText()).isNotBlank().doesNotContain("${");
        assertThat(body.path("profile").asText()).isEqualTo("development");
        assertThat(body.path("storage").asText()).isEqualTo("embedded");
        assertThat(body.path("uptimeSeconds").isIntegralNumber()).isTrue();
    }

    @Test
    void theGraphPortServesNoneOfIt() throws Exception {
        HttpResponse<String> onGraphPort = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observe/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(onGraphPort.statusCode()).isEqualTo(400);
        assertThat(onGraphPort.body()).contains("\"code\":\"BadRequest\"");
    }

    private static double increase(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.graphmeet().managementUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
