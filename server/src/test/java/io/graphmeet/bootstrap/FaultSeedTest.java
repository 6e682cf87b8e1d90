package io.graphmeet.bootstrap;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.config.ConfigException;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.RepositoryFiles;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed file's {@code faults:} list: set at start as the admin API would set them, or the start fails. */
class FaultSeedTest {

    @TempDir
    Path scratch;

    @Test
    void theDocumentedFaultsSectionSetsItsRulesAtStart() throws IOException {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY + documentedFaults())
                .start()) {
            JsonNode rules = server.admin().get("/admin/v1/faults").json().path("value");
            assertThat(rules).hasSize(2);
            assertThat(rules.get(1).path("effect").path("drop").asBoolean()).isTrue();
            assertThat(rules.get(1).path("seed").asLong()).isEqualTo(42);
            assertThat(rules.get(1).path("expiresAt").asText()).isNotBlank();

            String token = server.issuer().delegated(TENANT, MEGAN, WRITE);
            GraphResponse first = createOrGet(server, token);
            GraphResponse second = createOrGet(server, token);
            GraphResponse third = createOrGet(server, token);

            assertThat(first.status()).isEqualTo(429);
            assertThat(first.header("Retry-After")).isEqualTo("2");
            assertThat(second.status()).isEqualTo(429);
            assertThat(third.status()).isEqualTo(201);
        }
    }

    @Test
    void aMistakeInAFaultRuleStopsTheStartNamingTheEntry() {
        String seed = Contoso.DIRECTORY + """
                faults:
                  - effect: {type: latency, millis: 10}
                  - effect: {type: error, status: 418}
                """;

        assertThatThrownBy(() ->
                        TestServer.on(Backend.EMBEDDED, scratch).bootstrap(seed).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("directory.bootstrapFile ")
                .hasMessageContaining("faults[1]: Property 'effect.status' must be one of [429, 500, 503, 504]");
    }

    @Test
    void anUnknownPropertyInAFaultRuleStopsTheStart() {
        String seed = """
                faults:
                  - effect: {type: error, status: 503}
                    tims: 3
                """;

        assertThatThrownBy(() ->
                        TestServer.on(Backend.EMBEDDED, scratch).bootstrap(seed).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults[0]: Unknown property 'tims'");
    }

    private static GraphResponse createOrGet(TestServer server, String token) {
        return server.http()
                .post(
                        "/v1.0/me/onlineMeetings/createOrGet",
                        token,
                        "{\"externalId\":\"seeded-" + UUID.randomUUID() + "\"}");
    }

    /** The {@code faults:} example of docs/offline-dev.md, as a user would copy it. */
    private static String documentedFaults() throws IOException {
        String page = Files.readString(RepositoryFiles.path("docs", "offline-dev.md"));
        String section = page.substring(page.indexOf("## Scripted faults"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        return section.substring(start, section.indexOf("```", start));
    }
}
