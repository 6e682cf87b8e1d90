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
import com.microsoft.graph.models.JoinMeetingIdSettings;
import com.microsoft.graph.models.LobbyBypassScope;
import com.microsoft.graph.models.LobbyBypassSettings;
import com.microsoft.graph.models.MeetingParticipantInfo;
import com.microsoft.graph.models.MeetingParticipants;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.OnlineMeetingPresenters;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.createorget.CreateOrGetPostRequestBody;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Microsoft Graph SDK for Java drives a running graphmeet through every onlineMeetings
 * operation: only the base URL and the token source differ from a real Graph client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphSdkOperationsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02.4127391Z"));
    private TestServer server;
    private GraphServiceClient megan;

    /** The embedded database here; {@link GraphSdkOperationsOnPostgresTest} reruns every test on PostgreSQL. */
    Backend backend() {
        return Backend.EMBEDDED;
    }

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(backend(), scratch)
                .clock(clock)
                .bootstrap(Contoso.DIRECTORY)
                .start();
        megan = client(server.issuer().delegated(TENANT, MEGAN, WRITE));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createsAMeetingWithSettingsAndAPasscode() {
        OnlineMeeting request = new OnlineMeeting();
        request.setSubject("SDK create");
        request.setStartDateTime(OffsetDateTime.parse("2026-04-01T10:00:00Z"));
        request.setEndDateTime(OffsetDateTime.parse("2026-04-01T11:00:00Z"));
        request.setAllowedPresenters(OnlineMeetingPresenters.Organizer);
        JoinMeetingIdSettings passcode = new JoinMeetingIdSettings();
        passcode.setIsPasscodeRequired(true);
        request.setJoinMeetingIdSettings(passcode);
        request.setParticipants(participants(ADELE));

        OnlineMeeting created = megan.me().onlineMeetings().post(request);

        assertThat(MeetingIds.organizerOf(created.getId())).isEqualTo(MEGAN);
        assertThat(created.getSubject()).isEqualTo("SDK create");
        assertThat(created.getExternalId()).isNull();
        assertThat(created.getEndDateTime()).isEqualTo(OffsetDateTime.parse("2026-04-01T11:00:00Z"));
        assertThat(created.getExpiryDateTime()).isEqualTo(OffsetDateTime.parse("2026-05-31T11:00:00Z"));
        assertThat(created.getAllowedPresenters()).isEqualTo(OnlineMeetingPresenters.Organizer);
        assertThat(created.getJoinMeetingIdSettings().getIsPasscodeRequired()).isTrue();
        assertThat(created.getJoinMeetingIdSettings().getPasscode()).matches("[A-Za-z0-9]{6}");
        assertThat(created.getParticipants()
                        .getOrganizer()
                        .getIdentity()
                        .getUser()
                        .getId())
                .isEqualTo(MEGAN);
        assertThat(created.getParticipants().getAttendees())
                .singleElement()
                .satisfies(attendee -> assertThat(attendee.getUpn()).isEqualTo("adele@contoso.com"));
    }

    @Test
    void createOrGetReturnsTheSameMeetingForTheSameExternalId() {
        String externalId = "sdk-" + UUID.randomUUID();

        OnlineMeeting first = megan.me().onlineMeetings().createOrGet().post(createOrGetBody(externalId));
        OnlineMeeting second = megan.me().onlineMeetings().createOrGet().post(createOrGetBody(externalId));

        assertThat(first.getExternalId()).isEqualTo(externalId);
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getJoinWebUrl()).isEqualTo(first.getJoinWebUrl());
    }

    @Test
    void getsByIdWithAndWithoutSelect() {
        OnlineMeeting created = created("SDK get");

        OnlineMeeting whole =
                megan.me().onlineMeetings().byOnlineMeetingId(created.getId()).get();
        OnlineMeeting selected = megan.me()
                .onlineMeetings()
                .byOnlineMeetingId(created.getId())
                .get(config -> config.queryParameters.select = new String[] {"subject"});

        assertThat(whole.getJoinWebUrl()).isEqualTo(created.getJoinWebUrl());
        assertThat(whole.getChatInfo().getThreadId()).startsWith("19:meeting_");
        assertThat(whole.getLobbyBypassSettings().getScope()).isEqualTo(LobbyBypassScope.Organization);
        assertThat(selected.getId()).isEqualTo(created.getId());
        assertThat(selected.getSubject()).isEqualTo("SDK get");
        assertThat(selected.getJoinWebUrl()).isNull();
    }

    @Test
    void findsByJoinWebUrlAndByJoinMeetingId() {
        OnlineMeeting created = created("SDK filter");

        List<OnlineMeeting> byUrl = megan.me()
                .onlineMeetings()
                .get(config -> config.queryParameters.filter = "JoinWebUrl eq '" + created.getJoinWebUrl() + "'")
                .getValue();
        List<OnlineMeeting> byDecodedUrl = megan.me()
                .onlineMeetings()
                .get(config -> config.queryParameters.filter =
                        "JoinWebUrl eq '" + URLDecoder.decode(created.getJoinWebUrl(), StandardCharsets.UTF_8) + "'")
                .getValue();
        List<OnlineMeeting> byId = megan.me()
                .onlineMeetings()
                .get(config -> config.queryParameters.filter = "joinMeetingIdSettings/joinMeetingId eq '"
                        + created.getJoinMeetingIdSettings().getJoinMeetingId() + "'")
                .getValue();

        assertThat(byUrl)
                .singleElement()
                .satisfies(meeting -> assertThat(meeting.getId()).isEqualTo(created.getId()));
        assertThat(byDecodedUrl)
                .as("the link decoded, as in Graph's SDK snippets")
                .singleElement()
                .satisfies(meeting -> assertThat(meeting.getId()).isEqualTo(created.getId()));
        assertThat(byId)
                .singleElement()
                .satisfies(meeting -> assertThat(meeting.getId()).isEqualTo(created.getId()));
    }

    @Test
    void updatesOnlyWhatItSends() {
        OnlineMeeting created = created("SDK before");
        OnlineMeeting change = new OnlineMeeting();
        change.setSubject("SDK after");
        LobbyBypassSettings lobby = new LobbyBypassSettings();
        lobby.setIsDialInBypassEnabled(true);
        change.setLobbyBypassSettings(lobby);

        OnlineMeeting updated =
                megan.me().onlineMeetings().byOnlineMeetingId(created.getId()).patch(change);

        assertThat(updated.getSubject()).isEqualTo("SDK after");
        assertThat(updated.getLobbyBypassSettings().getIsDialInBypassEnabled()).isTrue();
        assertThat(updated.getLobbyBypassSettings().getScope()).isEqualTo(LobbyBypassScope.Organization);
        assertThat(updated.getJoinWebUrl()).isEqualTo(created.getJoinWebUrl());
    }

    @Test
    void deletesAndThenReportsNotFoundAsAnODataError() {
        OnlineMeeting created = created("SDK delete");

        megan.me().onlineMeetings().byOnlineMeetingId(created.getId()).delete();
        ODataError error = catchThrowableOfType(
                ODataError.class,
                () -> megan.me()
                        .onlineMeetings()
                        .byOnlineMeetingId(created.getId())
                        .get());

        assertThat(error.getResponseStatusCode()).isEqualTo(404);
        assertThat(error.getError().getCode()).isEqualTo("NotFound");
        assertThat(error.getError().getMessage()).isEqualTo("3004: Specified meeting is not found");
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
    void anApplicationWorksThroughTheUsersPath() {
        GraphServiceClient bot = client(server.issuer().application(TENANT, BOT_APP, WRITE_ALL));

        OnlineMeeting created = bot.users().byUserId(MEGAN).onlineMeetings().post(new OnlineMeeting());
        OnlineMeeting read = bot.users()
                .byUserId(MEGAN)
                .onlineMeetings()
                .byOnlineMeetingId(created.getId())
                .get();
        bot.users()
                .byUserId(MEGAN)
                .onlineMeetings()
                .byOnlineMeetingId(created.getId())
                .delete();

        assertThat(read.getParticipants().getOrganizer().getIdentity().getUser().getId())
                .isEqualTo(MEGAN);
    }

    @Test
    void errorsArriveAsODataErrorsWithGraphsCodes() {
        OnlineMeeting created = created("SDK errors");
        GraphServiceClient adele = client(server.issuer().delegated(TENANT, ADELE, "OnlineMeetings.Read"));

        ODataError lookup = catchThrowableOfType(
                ODataError.class,
                () -> adele.me()
                        .onlineMeetings()
                        .get(config ->
                                config.queryParameters.filter = "JoinWebUrl eq '" + created.getJoinWebUrl() + "'"));
        ODataError filter = catchThrowableOfType(
                ODataError.class,
                () -> megan.me()
                        .onlineMeetings()
                        .get(config -> config.queryParameters.filter = "subject eq 'SDK errors'"));
        ODataError plainCreateWithExternalId = catchThrowableOfType(ODataError.class, () -> {
            OnlineMeeting request = new OnlineMeeting();
            request.setExternalId("not-here");
            megan.me().onlineMeetings().post(request);
        });

        assertThat(lookup.getResponseStatusCode()).isEqualTo(403);
        assertThat(lookup.getError().getMessage()).isEqualTo("3003: User does not have access to lookup meeting");
        assertThat(filter.getResponseStatusCode()).isEqualTo(400);
        assertThat(filter.getError().getCode()).isEqualTo("InvalidArgument");
        assertThat(plainCreateWithExternalId.getError().getCode()).isEqualTo("BadRequest");
    }

    /** A new body per call: the SDK's backing store sends only values changed since the last send. */
    private static CreateOrGetPostRequestBody createOrGetBody(String externalId) {
        CreateOrGetPostRequestBody body = new CreateOrGetPostRequestBody();
        body.setExternalId(externalId);
        body.setSubject("SDK createOrGet");
        return body;
    }

    private OnlineMeeting created(String subject) {
        OnlineMeeting request = new OnlineMeeting();
        request.setSubject(subject);
        return megan.me().onlineMeetings().post(request);
    }

    private GraphServiceClient client(String token) {
        return GraphSdkClients.client(server.baseUrl(), token);
    }

    private static MeetingParticipants participants(String attendeeId) {
        Identity user = new Identity();
        user.setId(attendeeId);
        IdentitySet identity = new IdentitySet();
        identity.setUser(user);
        MeetingParticipantInfo attendee = new MeetingParticipantInfo();
        attendee.setIdentity(identity);
        MeetingParticipants participants = new MeetingParticipants();
        participants.setAttendees(List.of(attendee));
        return participants;
    }
}
