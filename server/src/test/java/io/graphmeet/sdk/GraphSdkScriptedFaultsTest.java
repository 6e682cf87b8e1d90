package io.graphmeet.sdk;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
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
 * The official Graph SDK against scripted faults, untouched: its retry handler waits out a scripted 429's
 * {@code Retry-After} and retries a lost 503 into createOrGet's stored meeting; a dropped connection is re-sent by
 * OkHttp or reaches the caller, and a retry converges the same way. On the real clock: the SDK really waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphSdkScriptedFaultsTest {

    private static final String FAULTS = "/admin/v1/faults";

    private TestServer server;
    private AdminHttp admin;
    private GraphServiceClient graph;

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .clock(Clock.systemUTC())
                .bootstrap(Contoso.DIRECTORY)
                .start();
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
        assertThat(admin.get(FAULTS).json().path("value"))
                .as("both scripted 429s were answered to the SDK")
                .isEmpty();
    }

    @Test
    void theSdksRetryOfALostAnswerGetsTheMeetingThatWasStored() {
        GraphResponse rule = admin.post(FAULTS, """
                {"match":{"operation":"createOrGet"},"effect":{"type":"commitThenFail","status":503},"times":1}""");
        assertThat(rule.status()).isEqualTo(201);
        String externalId = "sdk-lost-" + UUID.randomUUID();

        OnlineMeeting meeting = graph.me().onlineMeetings().createOrGet().post(body(externalId));
        GraphResponse replay = replay(externalId);

        assertThat(admin.get(FAULTS).json().path("value"))
                .as("the 503 was answered to the SDK")
                .isEmpty();
        assertThat(meeting.getExternalId()).isEqualTo(externalId);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asText()).isEqualTo(meeting.getId());
    }

    /**
     * OkHttp, under the SDK, re-sends a request whose reused connection closed without an answer
     * ({@code retryOnConnectionFailure}), so the lost answer never reaches the caller and createOrGet answers
     * the stored meeting.
     */
    @Test
    void onAReusedConnectionTheSdkResendsADroppedCreateOrGetAndGetsTheStoredMeeting() {
        GraphServiceClient client = GraphSdkClients.client(server.baseUrl(), megansToken());
        client.me().onlineMeetings().createOrGet().post(body("sdk-warm-up-" + UUID.randomUUID()));
        dropTheNextCreateOrGet();
        String externalId = "sdk-dropped-" + UUID.randomUUID();

        OnlineMeeting meeting = client.me().onlineMeetings().createOrGet().post(body(externalId));

        assertThat(admin.get(FAULTS).json().path("value"))
                .as("the connection was dropped once")
                .isEmpty();
        assertThat(replay(externalId).json().path("id").asText()).isEqualTo(meeting.getId());
    }

    /** On a connection of its own, the first request's lost answer reaches the caller as an I/O error. */
    @Test
    void onAFreshConnectionTheSdkReportsADroppedAnswerAndItsCallersRetryGetsTheStoredMeeting() {
        GraphServiceClient client = GraphSdkClients.client(server.baseUrl(), megansToken());
        dropTheNextCreateOrGet();
        String externalId = "sdk-dropped-" + UUID.randomUUID();

        assertThatThrownBy(() -> client.me().onlineMeetings().createOrGet().post(body(externalId)))
                .hasRootCauseInstanceOf(IOException.class);
        OnlineMeeting retried = client.me().onlineMeetings().createOrGet().post(body(externalId));
        GraphResponse replay = replay(externalId);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asText()).isEqualTo(retried.getId());
    }

    private void dropTheNextCreateOrGet() {
        assertThat(admin.post(FAULTS, """
                {"match":{"operation":"createOrGet"},"effect":{"type":"commitThenFail","drop":true},"times":1}""").status()).isEqualTo(201);
    }

    private String megansToken() {
        return server.issuer().delegated(TENANT, MEGAN, WRITE);
    }

    private GraphResponse replay(String externalId) {
        return server.http()
                .post("/v1.0/me/onlineMeetings/createOrGet", megansToken(), "{\"externalId\":\"" + externalId + "\"}");
    }

    private static CreateOrGetPostRequestBody body(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        return body;
    }
}
