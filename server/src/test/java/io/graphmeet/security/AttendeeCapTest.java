package io.graphmeet.security;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 finding 3: a meeting has at most 1,000 attendees; more is a 400 that stores nothing. */
class AttendeeCapTest {

    private static final String CREATE_OR_GET = "/v1.0/me/onlineMeetings/createOrGet";

    @Test
    void moreThanAThousandAttendeesIsABadRequestThatStoresNothing(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_SERVER_MAX_BODY_BYTES", Integer.toString(1024 * 1024))
                .start()) {
            String token = server.issuer().delegated(TENANT, MEGAN, WRITE);

            GraphResponse tooMany = server.http().post(CREATE_OR_GET, token, meeting("cap", 1_001));
            GraphResponse atTheLimit = server.http().post(CREATE_OR_GET, token, meeting("cap", 1_000));

            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.errorCode()).isEqualTo("BadRequest");
            assertThat(tooMany.errorMessage()).contains("at most 1000 attendees");
            assertThat(atTheLimit.status()).as("the key was not used up").isEqualTo(201);
            assertThat(atTheLimit.json().at("/participants/attendees").size()).isEqualTo(1_000);
        }
    }

    private static String meeting(String externalId, int attendees) {
        StringBuilder body =
                new StringBuilder("{\"externalId\":\"" + externalId + "\",\"participants\":{\"attendees\":[");
        for (int i = 0; i < attendees; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"identity\":{\"user\":{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\"}}}");
        }
        return body.append("]}}").toString();
    }
}
