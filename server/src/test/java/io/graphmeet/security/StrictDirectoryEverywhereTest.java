package io.graphmeet.security;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.STRANGER;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 finding 2: directory.strict holds on every path, and a user is one user whatever the case of their id. */
class StrictDirectoryEverywhereTest {

    private static final String UNKNOWN_TENANT = "0f0f0f0f-1111-4222-8333-444455556666";
    private static final String CREATE_OR_GET = "/v1.0/me/onlineMeetings/createOrGet";

    @Test
    void aStrictDirectoryRefusesUnknownUsersAndTenantsThroughMeToo(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_DIRECTORY_STRICT", "true")
                .start()) {
            GraphResponse stranger = server.http()
                    .post(
                            CREATE_OR_GET,
                            server.issuer().delegated(TENANT, STRANGER, WRITE),
                            "{\"externalId\":\"strict-me\"}");
            GraphResponse unknownTenant = server.http()
                    .post(
                            CREATE_OR_GET,
                            server.issuer().delegated(UNKNOWN_TENANT, MEGAN, WRITE),
                            "{\"externalId\":\"strict-me\"}");
            GraphResponse megan = server.http()
                    .post(
                            CREATE_OR_GET,
                            server.issuer().delegated(TENANT, MEGAN, WRITE),
                            "{\"externalId\":\"strict-me\"}");

            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.errorCode()).isEqualTo("NotFound");
            assertThat(unknownTenant.status()).isEqualTo(404);
            assertThat(megan.status()).isEqualTo(201);
        }
    }

    @Test
    void aStrictDirectoryRefusesAKnownUsersIdInAnUnknownTenant(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_DIRECTORY_STRICT", "true")
                .start()) {
            GraphResponse response = server.http()
                    .post(
                            "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet",
                            server.issuer().application(UNKNOWN_TENANT, BOT_APP, WRITE_ALL),
                            "{\"externalId\":\"strict-t\"}");

            assertThat(response.status()).isEqualTo(404);
        }
    }

    @Test
    void idsWrittenInUpperCaseInTheSeedAreTheSameUsersAndApps(@TempDir Path scratch) {
        String upperCaseSeed = Contoso.DIRECTORY
                .replace(MEGAN, MEGAN.toUpperCase(Locale.ROOT))
                .replace(TENANT, TENANT.toUpperCase(Locale.ROOT))
                .replace(BOT_APP, BOT_APP.toUpperCase(Locale.ROOT));
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(upperCaseSeed)
                .setting("GRAPHMEET_DIRECTORY_STRICT", "true")
                .start()) {
            GraphResponse viaMe = server.http()
                    .post(
                            CREATE_OR_GET,
                            server.issuer().delegated(TENANT, MEGAN, WRITE),
                            "{\"externalId\":\"seed-case\"}");
            GraphResponse viaApp = server.http()
                    .post(
                            "/v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet",
                            server.issuer().application(TENANT, BOT_APP, WRITE_ALL),
                            "{\"externalId\":\"seed-case\"}");

            assertThat(viaMe.status()).isEqualTo(201);
            assertThat(viaMe.json().at("/participants/organizer/upn").asText()).isEqualTo("megan@contoso.com");
            assertThat(viaApp.status())
                    .as("the app's policy grant, seeded in upper case, applies")
                    .isEqualTo(200);
        }
    }

    @Test
    void anUpperCaseUserIdIsTheSameUserOnMeAndUnderUsers(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .start()) {
            String upper = STRANGER.toUpperCase(Locale.ROOT);
            GraphResponse viaMe = server.http()
                    .post(CREATE_OR_GET, server.issuer().delegated(TENANT, upper, WRITE), "{\"externalId\":\"case\"}");
            GraphResponse viaUsers = server.http()
                    .post(
                            "/v1.0/users/" + upper + "/onlineMeetings/createOrGet",
                            server.issuer().delegated(TENANT, STRANGER, WRITE),
                            "{\"externalId\":\"case\"}");
            GraphResponse viaApp = server.http()
                    .post(
                            "/v1.0/users/" + STRANGER + "/onlineMeetings/createOrGet",
                            server.issuer().application(TENANT, BOT_APP, WRITE_ALL),
                            "{\"externalId\":\"case\"}");

            assertThat(viaMe.status()).isEqualTo(201);
            assertThat(viaUsers.status()).isEqualTo(200);
            assertThat(viaApp.status()).isEqualTo(200);
            assertThat(viaUsers.json().path("id").asText())
                    .isEqualTo(viaMe.json().path("id").asText());
            assertThat(viaMe.json()
                            .at("/participants/organizer/identity/user/id")
                            .asText())
                    .isEqualTo(STRANGER);
        }
    }
}
