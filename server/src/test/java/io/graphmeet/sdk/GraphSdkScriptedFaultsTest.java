package io.graphmeet.sdk;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Graph SDK's retry handler against scripted faults, untouched: it waits out a scripted 429's
 * {@code Retry-After}, and retries a lost answer into createOrGet's stored meeting. On the real clock: the SDK
 * really waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphSdkScriptedFaultsTest {

    private static final String FAULTS = "/admin/v1/faults";

    private TestServer server;
    private AdminHttp admin;
    private GraphServiceClient graph;

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch).clock(Clock.systemUTC()).bootstrap(Contoso.DIRECTORY).start();
        admin = server.admin();
        graph = GraphSdkClients.client(server.baseUrl(), server.issuer().delegated(TENANT, MEGAN, WRITE));
    }

    @AfterEach
    void clearRules() {
        admin.delete(FAULTS);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSdksRetryHandlerGetsPastTwoScripted429sByItself() {
        GraphResponse rule = admin.post(FAULTS, """
                {"match":{"operation":"createOrGet"},"effect":{"type":"error","status":429,"retryAfterSeconds":1},
                 "times":2}""");
        assertThat(rule.status()).isEqualTo(201);
        String externalId = "sdk-429-" + UUID.randomUUID();

        OnlineMeeting meeting = graph.me().onlineMeetings().createOrGet().post(body(externalId));

        assertThat(meeting.getExternalId()).isEqualTo(externalId);
        assertThat(admin.get(FAULTS).json().path("value")).as("both scripted 429s were answered to the SDK").isEmpty();
    }

    @Test
    void theSdksRetryOfALostAnswerGetsTheMeetingThatWasStored() {
        GraphResponse rule = admin.post(FAULTS, """
                {"match":{"operation":"createOrGet"},"effect":{"type":"commitThenFail","status":503},"times":1}""");
        assertThat(rule.status()).isEqualTo(201);
        String externalId = "sdk-lost-" + UUID.randomUUID();

        OnlineMeeting meeting = graph.me().onlineMeetings().createOrGet().post(body(externalId));
        GraphResponse replay = server.http().post("/v1.0/me/onlineMeetings/createOrGet",
                server.issuer().delegated(TENANT, MEGAN, WRITE), "{\"externalId\":\"" + externalId + "\"}");

        assertThat(admin.get(FAULTS).json().path("value")).as("the 503 was answered to the SDK").isEmpty();
        assertThat(meeting.getExternalId()).isEqualTo(externalId);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asText()).isEqualTo(meeting.getId());
    }

    private static CreateOrGetPostRequestBody body(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        return body;
    }
}
