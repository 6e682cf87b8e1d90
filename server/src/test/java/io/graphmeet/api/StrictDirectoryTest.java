package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.STRANGER;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5 "unknown user (strict directory only)": with directory.strict, only known users own meetings. */
class StrictDirectoryTest {

    @Test
    void aStrictDirectoryRefusesUnknownUsersAndServesKnownOnes(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_DIRECTORY_STRICT", "true")
                .start()) {
            String token = server.issuer().application(TENANT, BOT_APP, WRITE_ALL);

            GraphResponse unknown = server.http()
                    .post(
                            "/v1.0/users/" + STRANGER + "/onlineMeetings/createOrGet",
                            token,
                            "{\"externalId\":\"strict-1\"}");
            GraphResponse known = server.http()
                    .post(
                            "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet",
                            token,
                            "{\"externalId\":\"strict-1\"}");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("NotFound");
            assertThat(unknown.errorMessage()).contains(STRANGER);
            assertThat(known.status()).isEqualTo(201);
        }
    }
}
