package io.graphmeet.sdk;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.Scrape;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph's throttling answer as graphmeet gives it, and the official SDK's retry handler getting past it by itself
 * by waiting for {@code Retry-After}. On the real clock: the SDK really waits.
 */
class GraphSdkThrottlingTest {

    @Test
    void theSdkRetriesA429AfterRetryAfterAndSucceedsWithoutHelp(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .clock(Clock.systemUTC())
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_THROTTLE_ENABLED", "true")
                .setting("GRAPHMEET_THROTTLE_TENANT_REQUESTS", "2")
                .setting("GRAPHMEET_THROTTLE_TENANT_WINDOW", "PT5S")
                .start()) {
            String token = server.issuer().delegated(TENANT, MEGAN, WRITE);
            GraphServiceClient graph = GraphSdkClients.client(server.baseUrl(), token);
            assertThat(graph.me()
                            .onlineMeetings()
                            .createOrGet()
                            .post(body("sdk-warm-up"))
                            .getExternalId())
                    .isEqualTo("sdk-warm-up");

            GraphResponse throttled = fillTheWindow(server, token);

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
            assertThat(throttled.errorMessage()).isEqualTo("Please retry again later.");
            assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 5);
            assertThat(throttled
                            .json()
                            .path("error")
                            .path("innerError")
                            .path("request-id")
                            .asText())
                    .isEqualTo(throttled.header("request-id"));

            Scrape before = Scrape.of(server.graphmeet().managementUrl());
            String externalId = "sdk-throttled-" + UUID.randomUUID();
            OnlineMeeting meeting = graph.me().onlineMeetings().createOrGet().post(body(externalId));
            Scrape after = Scrape.of(server.graphmeet().managementUrl());

            assertThat(meeting.getExternalId()).isEqualTo(externalId);
            Map<String, String> tenantLimit = Map.of("operation", "createOrGet", "limit", "tenant");
            assertThat(after.value("graphmeet_throttled_requests_total", tenantLimit)
                            - before.value("graphmeet_throttled_requests_total", tenantLimit))
                    .as("the SDK's own request was throttled before its retry succeeded")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    /** Creates meetings until one is refused: at most the limit and one more, or twice that across a window's end. */
    private static GraphResponse fillTheWindow(TestServer server, String token) {
        GraphResponse last = null;
        for (int i = 0; i < 6; i++) {
            last = server.http()
                    .post(
                            "/v1.0/me/onlineMeetings/createOrGet",
                            token,
                            "{\"externalId\":\"" + UUID.randomUUID() + "\"}");
            if (last.status() != 201) {
                return last;
            }
        }
        return last;
    }

    private static CreateOrGetPostRequestBody body(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        return body;
    }
}
