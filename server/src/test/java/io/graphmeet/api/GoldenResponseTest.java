package io.graphmeet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.FixedIdentifiers;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole createOrGet response, compared to a reviewed golden file; clock and identifiers are fixed. */
class GoldenResponseTest {

    @Test
    void createOrGetResponseMatchesTheGoldenFileWhole(@TempDir Path scratch) throws IOException {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .identifiers(new FixedIdentifiers())
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_SERVER_PUBLIC_URL", "https://graphmeet.example.test")
                .start()) {
            GraphResponse response = server.http()
                    .post(
                            "/v1.0/me/onlineMeetings/createOrGet",
                            server.issuer().delegated(Contoso.TENANT, Contoso.MEGAN, Contoso.WRITE),
                            """
                    {"externalId":"7eb8263f-d0e0-4149-bb1c-1f0476083c56","subject":"Quarterly review",
                     "startDateTime":"2026-03-12T14:00:00Z","endDateTime":"2026-03-12T15:00:00Z",
                     "participants":{"attendees":[{"identity":{"user":{"id":"1f35f2e6-9cab-44ad-8d5a-b74c14720000"}},
                     "upn":"test1@contoso.com"}]}}""");

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json()).isEqualTo(golden("/golden/createOrGet-201.json"));
        }
    }

    private static JsonNode golden(String resource) throws IOException {
        try (InputStream in = GoldenResponseTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
