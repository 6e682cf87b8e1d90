package io.graphmeet.sdk;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.LobbyBypassScope;
import com.microsoft.graph.models.MeetingParticipantInfo;
import com.microsoft.graph.models.MeetingParticipants;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.OnlineMeetingPresenters;
import com.microsoft.graph.models.OnlineMeetingRole;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Microsoft Graph SDK for Java, unchanged but for its base URL and token source, driving
 * createOrGet on a running graphmeet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphSdkCreateOrGetTest {

    private TestServer server;

    /** The embedded database here; {@link GraphSdkCreateOrGetOnPostgresTest} reruns every test on PostgreSQL. */
    Backend backend() {
        return Backend.EMBEDDED;
    }

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(backend(), scratch).bootstrap(Contoso.DIRECTORY).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void meCreateOrGetReturnsAFullyParsedMeetingAndThenTheSameOne() {
        GraphServiceClient graph = client(server.issuer().delegated(TENANT, MEGAN, WRITE));
        String externalId = "sdk-" + UUID.randomUUID();

        OnlineMeeting created = graph.me().onlineMeetings().createOrGet().post(fullBody(externalId));
        OnlineMeeting again = graph.me().onlineMeetings().createOrGet().post(fullBody(externalId));

        assertThat(MeetingIds.organizerOf(created.getId())).isEqualTo(MEGAN);
        assertThat(again.getId()).isEqualTo(created.getId());
        assertThat(created.getExternalId()).isEqualTo(externalId);
        assertThat(created.getSubject()).isEqualTo("Created by the Graph SDK");
        assertThat(created.getStartDateTime()).isEqualTo(OffsetDateTime.parse("2026-05-06T01:49:21.3524945Z"));
        assertThat(created.getEndDateTime()).isEqualTo(OffsetDateTime.parse("2026-05-06T02:19:21.3524945Z"));
        assertThat(created.getExpiryDateTime()).isEqualTo(OffsetDateTime.parse("2026-07-05T02:19:21.3524945Z"));
        assertThat(created.getCreationDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-12T09:15:02.4127391Z"));
        assertThat(created.getJoinWebUrl()).startsWith(server.baseUrl() + "/l/meetup-join/19%3ameeting_");
        assertThat(created.getChatInfo().getThreadId())
                .startsWith("19:meeting_")
                .endsWith("@thread.v2");
        assertThat(created.getChatInfo().getMessageId()).isEqualTo("0");
        assertThat(created.getJoinMeetingIdSettings().getJoinMeetingId()).matches("\\d{12}");
        assertThat(created.getJoinMeetingIdSettings().getIsPasscodeRequired()).isFalse();
        assertThat(created.getAllowedPresenters()).isEqualTo(OnlineMeetingPresenters.Everyone);
        assertThat(created.getLobbyBypassSettings().getScope()).isEqualTo(LobbyBypassScope.Organization);
        assertThat(created.getIsEntryExitAnnounced()).isTrue();
        assertThat(created.getVideoTeleconferenceId()).isNull();
        assertThat(created.getJoinInformation().getContent()).startsWith("data:text/html,");
        MeetingParticipantInfo organizer = created.getParticipants().getOrganizer();
        assertThat(organizer.getRole()).isEqualTo(OnlineMeetingRole.Presenter);
        assertThat(organizer.getUpn()).isEqualTo("megan@contoso.com");
        assertThat(organizer.getIdentity().getUser().getId()).isEqualTo(MEGAN);
        assertThat(organizer.getIdentity().getUser().getDisplayName()).isEqualTo("Megan Bowen");
        MeetingParticipantInfo attendee =
                created.getParticipants().getAttendees().getFirst();
        assertThat(attendee.getRole()).isEqualTo(OnlineMeetingRole.Attendee);
        assertThat(attendee.getUpn()).isEqualTo("adele@contoso.com");
        assertThat(attendee.getIdentity().getUser().getDisplayName()).isEqualTo("Adele Vance");
    }

    @Test
    void usersCreateOrGetWorksWithAnApplicationToken() {
        GraphServiceClient graph = client(server.issuer().application(TENANT, BOT_APP, WRITE_ALL));
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId("sdk-app-" + UUID.randomUUID());

        OnlineMeeting meeting =
                graph.users().byUserId(MEGAN).onlineMeetings().createOrGet().post(body);

        assertThat(meeting.getParticipants()
                        .getOrganizer()
                        .getIdentity()
                        .getUser()
                        .getId())
                .isEqualTo(MEGAN);
        assertThat(meeting.getEndDateTime())
                .isEqualTo(meeting.getStartDateTime().plusHours(1));
    }

    @Test
    void errorsArriveAsODataErrors() {
        GraphServiceClient graph = client(server.issuer().application(TENANT, Contoso.OTHER_APP, WRITE_ALL));
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId("sdk-denied-" + UUID.randomUUID());

        ODataError error = catchThrowableOfType(
                ODataError.class,
                () -> graph.users()
                        .byUserId(ADELE)
                        .onlineMeetings()
                        .createOrGet()
                        .post(body));

        assertThat(error.getResponseStatusCode()).isEqualTo(403);
        assertThat(error.getError().getCode()).isEqualTo("Forbidden");
        assertThat(error.getError().getMessage()).isEqualTo("No application access policy found for this app");
        String requestId =
                error.getResponseHeaders().get("request-id").iterator().next();
        assertThat(requestId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(error.getError().getInnerError().getRequestId()).isEqualTo(requestId);
        assertThat(error.getError().getInnerError().getClientRequestId())
                .isEqualTo(error.getResponseHeaders()
                        .get("client-request-id")
                        .iterator()
                        .next());
    }

    @Test
    void aMissingExternalIdIsABadRequestODataError() {
        GraphServiceClient graph = client(server.issuer().delegated(TENANT, MEGAN, WRITE));

        ODataError error = catchThrowableOfType(
                ODataError.class,
                () -> graph.me().onlineMeetings().createOrGet().post(new CreateOrGetPostRequestBody()));

        assertThat(error.getResponseStatusCode()).isEqualTo(400);
        assertThat(error.getError().getCode()).isEqualTo("BadRequest");
        assertThat(error.getError().getMessage()).contains("externalId");
    }

    /** A new body per call: the SDK's backing store sends only values changed since the last send. */
    private static CreateOrGetPostRequestBody fullBody(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        body.setSubject("Created by the Graph SDK");
        body.setStartDateTime(OffsetDateTime.parse("2026-05-06T01:49:21.3524945+00:00"));
        body.setEndDateTime(OffsetDateTime.parse("2026-05-06T02:19:21.3524945+00:00"));
        body.setParticipants(attendee(ADELE, "adele@contoso.com"));
        return body;
    }

    private GraphServiceClient client(String token) {
        return GraphSdkClients.client(server.baseUrl(), token);
    }

    private static MeetingParticipants attendee(String id, String upn) {
        Identity user = new Identity();
        user.setId(id);
        IdentitySet identity = new IdentitySet();
        identity.setUser(user);
        MeetingParticipantInfo info = new MeetingParticipantInfo();
        info.setIdentity(identity);
        info.setUpn(upn);
        MeetingParticipants participants = new MeetingParticipants();
        participants.setAttendees(List.of(info));
        return participants;
    }
}
