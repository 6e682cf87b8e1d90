package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly meetings per user, through the route table: the Graph surface's observer counts each {@code 201}
 * before the client sees it, a createOrGet that returns an existing meeting counts nothing, and the throttling
 * guard refuses the next creation with Graph's {@code 429} and {@code Retry-After}.
 */
class MonthlyMeetingLimitTest {

    private static final String CREATE_OR_GET = "/v1.0/me/onlineMeetings/createOrGet";

    @Test
    void onlyCreatedMeetingsCountAndTheOneOverTheLimitIsRefused(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_THROTTLE_ENABLED", "true")
                .setting("GRAPHMEET_THROTTLE_USER_MEETINGS_PER_MONTH", "2")
                .start()) {
            String token = server.issuer().delegated(TENANT, MEGAN, WRITE);

            assertThat(createOrGet(server, token, "monthly-1").status()).isEqualTo(201);
            assertThat(createOrGet(server, token, "monthly-1").status()).isEqualTo(200);
            assertThat(createOrGet(server, token, "monthly-2").status()).isEqualTo(201);
            GraphResponse refused = createOrGet(server, token, "monthly-3");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("TooManyRequests");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
            assertThat(createOrGet(server, token, "monthly-1").status())
                    .as("returning an existing meeting creates none, but it is a creation request")
                    .isEqualTo(429);
        }
    }

    private static GraphResponse createOrGet(TestServer server, String token, String externalId) {
        return server.http().post(CREATE_OR_GET, token, "{\"externalId\":\"" + externalId + "\"}");
    }
}
