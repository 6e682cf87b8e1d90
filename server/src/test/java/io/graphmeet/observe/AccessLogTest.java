package io.graphmeet.observe;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The access log in JSON, written to a file: one parseable line per request, no token, the caller's trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";

    private TestServer server;
    private Path log;

    @BeforeAll
    void start(@TempDir Path scratch) {
        log = scratch.resolve("access.log");
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_ACCESS_LOG_FORMAT", "json")
                .setting("GRAPHMEET_ACCESS_LOG_FILE", log.toString())
                .start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aCreateIsOneJsonLineWithTheCallerTheOperationAndTheTraceButNoToken() {
        String token = server.issuer().delegated(TENANT, MEGAN, WRITE);
        String path = "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet";
        GraphResponse created = server.http()
                .send(server.http()
                        .request(path, token)
                        .header("Content-Type", "application/json")
                        .header("client-request-id", "client-abc-1")
                        .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"externalId\":\"log-" + UUID.randomUUID() + "\"}")));
        assertThat(created.status()).isEqualTo(201);

        JsonNode line = lineOf(created.header("request-id"));

        assertThat(line.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(line.path("client-request-id").asText()).isEqualTo("client-abc-1");
        assertThat(line.path("method").asText()).isEqualTo("POST");
        assertThat(line.path("path").asText()).isEqualTo("/v1.0/users/{userId}/onlineMeetings/createOrGet");
        assertThat(line.path("operation").asText()).isEqualTo("createOrGet");
        assertThat(line.path("tenant").asText()).isEqualTo(TENANT);
        assertThat(line.path("user-id").asText()).isEqualTo(MEGAN);
        assertThat(line.path("status").asInt()).isEqualTo(201);
        assertThat(line.has("error-code")).isFalse();
        assertThat(line.path("latency-ms").asDouble()).isPositive();
        assertThat(line.path("bytes").asLong())
                .isEqualTo(created.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(line.path("trace-id").asText()).isEqualTo(TRACE_ID);
        assertThat(line.path("parent-span-id").asText()).isEqualTo(PARENT_SPAN);
        assertThat(created.header("traceparent"))
                .isEqualTo("00-" + TRACE_ID + "-" + line.path("span-id").asText() + "-01");
        assertThat(line.toString()).doesNotContain(token).doesNotContain(token.substring(0, 20));
    }

    @Test
    void theTextFormatWritesLatencyWithThreeDecimals() {
        assertThat(AccessLog.milliseconds(12.3456)).isEqualTo("12.346ms");
        assertThat(AccessLog.milliseconds(5)).isEqualTo("5.000ms");
        assertThat(AccessLog.milliseconds(0.05)).isEqualTo("0.050ms");
        assertThat(AccessLog.milliseconds(0.0004)).isEqualTo("0.000ms");
        assertThat(AccessLog.milliseconds(1234.9999)).isEqualTo("1235.000ms");
    }

    @Test
    void anErrorCarriesGraphsCodeAndARequestWithoutTraceparentStartsATrace() {
        GraphResponse refused =
                server.http().post("/v1.0/me/onlineMeetings/createOrGet", "not-a-jwt", "{\"externalId\":\"x\"}");
        assertThat(refused.status()).isEqualTo(401);

        JsonNode line = lineOf(refused.header("request-id"));

        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("error-code").asText()).isEqualTo(refused.errorCode());
        assertThat(line.has("tenant")).isFalse();
        assertThat(line.path("trace-id").asText()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(line.has("parent-span-id")).isFalse();
        assertThat(line.toString()).doesNotContain("not-a-jwt");
    }

    /** The line of {@code requestId}, awaited: the server writes it just after sending the answer. */
    private JsonNode lineOf(String requestId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        List<JsonNode> matching = List.of();
        while (matching.isEmpty() && Instant.now().isBefore(deadline)) {
            matching = lines().stream()
                    .filter(line -> line.path("request-id").asText().equals(requestId))
                    .toList();
            if (matching.isEmpty()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private List<JsonNode> lines() {
        try {
            return Files.readAllLines(log).stream()
                    .map(line -> {
                        try {
                            return JSON.readTree(line);
                        } catch (IOException e) {
                            throw new AssertionError("not a JSON line: " + line, e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
