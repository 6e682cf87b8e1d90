package io.graphmeet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request refused by Graph's throttling is journaled with its 429, like any other refusal. */
class ThrottledRequestsJournalTest {

    @Test
    void aThrottledRequestIsJournaledWithItsStatusAndErrorCode(@TempDir Path scratch) {
        try (TestServer server = TestServer.on(Backend.EMBEDDED, scratch)
                .setting("GRAPHMEET_THROTTLE_ENABLED", "true")
                .setting("GRAPHMEET_THROTTLE_TENANT_REQUESTS", "2")
                .setting("GRAPHMEET_THROTTLE_TENANT_WINDOW", "PT1H")
                .start()) {
            String tenant = UUID.randomUUID().toString();
            String token = server.issuer().delegated(tenant, UUID.randomUUID().toString(), Contoso.WRITE);
            GraphResponse throttled = null;
            for (int i = 0; i < 6 && throttled == null; i++) {
                GraphResponse response = server.http()
                        .post("/v1.0/me/onlineMeetings/createOrGet", token, "{\"externalId\":\"t-" + i + "\"}");
                throttled = response.status() == 429 ? response : null;
            }
            assertThat(throttled).as("a request past the limit").isNotNull();

            JsonNode entries = server.admin()
                    .get("/admin/v1/tenants/" + tenant + "/requests?status=429")
                    .json()
                    .path("value");

            assertThat(entries).hasSize(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.path("errorCode").asText()).isEqualTo("TooManyRequests");
            assertThat(entry.path("requestId").asText()).isEqualTo(throttled.header("request-id"));
            assertThat(entry.path("operation").asText()).isEqualTo("createOrGet");
            assertThat(entry.path("caller").path("type").asText()).isEqualTo("delegated");
            assertThat(entry.path("requestBody").isNull()).isTrue();
            assertThat(server.admin()
                            .get("/admin/v1/tenants/" + tenant + "/requests?status=201")
                            .json()
                            .path("value"))
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
