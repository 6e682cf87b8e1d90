package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.ALEX;
import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_APP;
import static io.graphmeet.testing.Contoso.OTHER_TENANT;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.testing.GraphResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §3, §5 and §6: create, get, lookups and $select of onlineMeetings, on every backend. */
abstract class OnlineMeetingsContract extends MeetingsContract {

    // ---- create

    @Test
    void createAnswers201WithANewMeetingThatHasNoExternalId() {
        GraphResponse created = http.post(MEETINGS, megan(), """
                {"subject":"Plain","startDateTime":"2026-04-01T10:00:00Z","endDateTime":"2026-04-01T11:00:00Z"}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode meeting = created.json();
        assertThat(meeting.path("externalId").isNull()).isTrue();
        assertThat(meeting.path("subject").asText()).isEqualTo("Plain");
        assertThat(meeting.path("endDateTime").asText()).isEqualTo("2026-04-01T11:00:00Z");
        assertThat(meeting.path("expiryDateTime").asText()).isEqualTo("2026-05-31T11:00:00Z");
        assertThat(organizerOf(meeting)).isEqualTo(MEGAN);
        assertThat(get(idOf(meeting), megan()).json().path("id")).isEqualTo(meeting.path("id"));
    }

    @Test
    void createAppliesCreateOrGetsTimeDefaultsAndRules() {
        JsonNode meeting = create("{}");

        assertThat(meeting.path("startDateTime").asText()).isEqualTo(CreateOrGetContract.utc7(clock.instant()));
        assertThat(meeting.path("endDateTime").asText())
                .isEqualTo(CreateOrGetContract.utc7(clock.instant().plus(Duration.ofHours(1))));
        CreateOrGetContract.assertBadRequestNaming(
                http.post(MEETINGS, megan(), "{\"endDateTime\":\"2026-04-01T11:00:00Z\"}"), "endDateTime");
        CreateOrGetContract.assertBadRequestNaming(
                http.post(
                        MEETINGS,
                        megan(),
                        "{\"startDateTime\":\"2026-04-01T11:00:00Z\",\"endDateTime\":\"2026-04-01T10:00:00Z\"}"),
                "endDateTime");
    }

    @Test
    void createRefusesAnExternalIdAsGraphDoes() {
        GraphResponse response = http.post(MEETINGS, megan(), body(uniqueId()));

        CreateOrGetContract.assertBadRequestNaming(response, "externalId");
    }

    @Test
    void aRequiredPasscodeIsGeneratedAndShownInJoinInformation() {
        JsonNode withPasscode = create("{\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}");
        JsonNode without = create("{\"joinMeetingIdSettings\":{\"isPasscodeRequired\":false}}");

        JsonNode settings = withPasscode.path("joinMeetingIdSettings");
        assertThat(settings.path("isPasscodeRequired").asBoolean()).isTrue();
        assertThat(settings.path("passcode").asText()).matches("[A-Za-z0-9]{6}");
        assertThat(joinInformation(withPasscode))
                .contains("Passcode: </span><span style=\"font-size:16px;color:#252424;\">"
                        + settings.path("passcode").asText());
        assertThat(without.path("joinMeetingIdSettings")
                        .path("isPasscodeRequired")
                        .asBoolean())
                .isFalse();
        assertThat(without.path("joinMeetingIdSettings").path("passcode").isNull())
                .isTrue();
        assertThat(joinInformation(without)).doesNotContain("Passcode");
    }

    @Test
    void createAcceptsTheSettableProperties() {
        JsonNode meeting = create("""
                {"subject":"Board","lobbyBypassSettings":{"scope":"everyone","isDialInBypassEnabled":true},
                 "allowedPresenters":"organizer","allowMeetingChat":"disabled","allowRecording":false,
                 "watermarkProtection":{"isEnabledForVideo":true},"chatRestrictions":{"allowTextOnly":true},
                 "participants":{"attendees":[{"identity":{"user":{"id":"%s"}},"role":"presenter"}]}}""".formatted(ADELE));

        assertThat(meeting.path("lobbyBypassSettings").path("scope").asText()).isEqualTo("everyone");
        assertThat(meeting.path("lobbyBypassSettings")
                        .path("isDialInBypassEnabled")
                        .asBoolean())
                .isTrue();
        assertThat(meeting.path("allowedPresenters").asText()).isEqualTo("organizer");
        assertThat(meeting.path("allowMeetingChat").asText()).isEqualTo("disabled");
        assertThat(meeting.path("allowRecording").asBoolean()).isFalse();
        assertThat(meeting.path("allowTranscription").asBoolean()).isTrue();
        assertThat(meeting.path("watermarkProtection").path("isEnabledForVideo").asBoolean())
                .isTrue();
        assertThat(meeting.path("watermarkProtection")
                        .path("isEnabledForContentSharing")
                        .asBoolean())
                .isFalse();
        assertThat(meeting.path("chatRestrictions").path("allowTextOnly").asBoolean())
                .isTrue();
        JsonNode attendee = meeting.path("participants").path("attendees").get(0);
        assertThat(attendee.path("upn").asText()).isEqualTo("adele@contoso.com");
        assertThat(attendee.path("role").asText()).isEqualTo("presenter");
    }

    @Test
    void anApplicationCreatesForAUserItsPolicyCovers() {
        GraphResponse created = http.post(meetingsOf(MEGAN), issuer.application(TENANT, BOT_APP, WRITE_ALL), "{}");
        GraphResponse beta = http.post("/beta/me/onlineMeetings", megan(), "{}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(organizerOf(created.json())).isEqualTo(MEGAN);
        assertThat(beta.status()).isEqualTo(201);
    }

    // ---- get

    @Test
    void theOrganizerReadsByIdThroughEveryPathAndToken() {
        String id = idOf(create("{}"));

        assertThat(get(id, megan()).status()).isEqualTo(200);
        assertThat(http.send(http.request(meetingsOf(MEGAN) + "/" + id, megan()).GET())
                        .status())
                .isEqualTo(200);
        GraphResponse byApp =
                http.send(http.request(meetingsOf(MEGAN) + "/" + id, issuer.application(TENANT, BOT_APP, READ_ALL))
                        .GET());
        assertThat(byApp.status()).isEqualTo(200);
        assertThat(byApp.json().path("id").asText()).isEqualTo(id);
        assertThat(http.send(http.request("/beta/me/onlineMeetings/" + id, megan())
                                .GET())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSignedInAttendeeReadsTheMeetingButOthersDoNotSeeIt() {
        String id = idOf(create(withAttendee(ADELE)));

        GraphResponse adele = get(id, token(ADELE, READ));
        assertThat(adele.status()).isEqualTo(200);
        assertThat(adele.json().path("id").asText()).isEqualTo(id);
        assertNotFound(get(id, token(ALEX, READ)));
    }

    /** Graph's get page: by-id URLs accept the invited attendee's user id with application permission. */
    @Test
    void anApplicationReadsTheMeetingForAnInvitedAttendeeItsPolicyCovers() {
        String id = idOf(create(withAttendee(ADELE)));
        String bot = issuer.application(TENANT, BOT_APP, READ_ALL);

        GraphResponse forAdele =
                http.send(http.request(meetingsOf(ADELE) + "/" + id, bot).GET());
        GraphResponse withoutPolicy =
                http.send(http.request(meetingsOf(ADELE) + "/" + id, issuer.application(TENANT, OTHER_APP, READ_ALL))
                        .GET());
        GraphResponse forAlex =
                http.send(http.request(meetingsOf(ALEX) + "/" + id, issuer.application(TENANT, OTHER_APP, READ_ALL))
                        .GET());
        GraphResponse change =
                http.send(http.request(meetingsOf(ADELE) + "/" + id, issuer.application(TENANT, BOT_APP, WRITE_ALL))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"subject\":\"Taken over\"}")));

        assertThat(forAdele.status()).as(forAdele.toString()).isEqualTo(200);
        assertThat(forAdele.json().path("id").asText()).isEqualTo(id);
        assertThat(organizerOf(forAdele.json())).isEqualTo(MEGAN);
        assertForbidden(withoutPolicy);
        assertThat(withoutPolicy.errorMessage()).isEqualTo("No application access policy found for this app");
        assertNotFound(forAlex);
        assertForbidden(change);
        assertThat(get(id, megan()).json().path("subject").isNull()).isTrue();
    }

    @Test
    void anotherTenantCannotSeeTheMeeting() {
        String id = idOf(create("{}"));

        assertNotFound(get(id, issuer.delegated(OTHER_TENANT, MEGAN, WRITE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-meeting", "bm90IGEgbWVldGluZyBpZA==", "%2F%2F%2F", "MSo="})
    void idsThatDoNotDecodeAsGraphMeetingIdsAreNotFound(String id) {
        assertNotFound(get(id, megan()));
    }

    @Test
    void aWellFormedIdOfNoMeetingIsNotFound() {
        String id = MeetingIds.meetingId(MEGAN, MeetingIds.threadId(java.util.UUID.randomUUID()));

        assertNotFound(get(id, megan()));
        assertNotFound(delete(id, megan()));
    }

    @Test
    void readPermissionIsEnoughToReadButNotToWrite() {
        String id = idOf(create("{}"));
        String reader = token(MEGAN, READ);
        String appReader = issuer.application(TENANT, BOT_APP, READ_ALL);

        assertThat(get(id, reader).status()).isEqualTo(200);
        assertThat(find("JoinWebUrl eq '" + joinWebUrlOf(id) + "'", reader).status())
                .isEqualTo(200);
        assertForbidden(http.post(MEETINGS, reader, "{}"));
        assertForbidden(http.post(ME, reader, body(uniqueId())));
        assertForbidden(patch(id, reader, "{\"subject\":\"x\"}"));
        assertForbidden(delete(id, reader));
        assertForbidden(http.send(http.request(meetingsOf(MEGAN) + "/" + id, appReader)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")));
        assertThat(get(id, megan()).json().path("subject").isNull()).isTrue();
    }

    @Test
    void selectReturnsOnlyTheNamedPropertiesAndTheId() {
        String id = idOf(create("{\"subject\":\"Selected\"}"));

        GraphResponse response = http.send(http.request(MEETINGS + "/" + id + "?$select=subject,JOINWEBURL", megan())
                .GET());

        JsonNode meeting = response.json();
        List<String> names = new ArrayList<>();
        meeting.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("@odata.context", "id", "subject", "joinWebUrl");
        assertThat(meeting.path("subject").asText()).isEqualTo("Selected");
        assertThat(meeting.path("@odata.context").asText())
                .isEqualTo(server.baseUrl() + "/v1.0/$metadata#users('" + MEGAN
                        + "')/onlineMeetings(subject,joinWebUrl)/$entity");
    }

    @Test
    void selectingAnUnknownPropertyIsABadRequest() {
        String id = idOf(create("{}"));

        GraphResponse response = http.send(http.request(MEETINGS + "/" + id + "?$select=subject,nope", megan())
                .GET());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage())
                .isEqualTo("Could not find a property named 'nope' on type 'microsoft.graph.onlineMeeting'.");
    }

    @Test
    void readsHonourPreferForEvolvableEnumMembers() {
        String id = idOf(create("""
                {"lobbyBypassSettings":{"scope":"invited"}}"""));

        GraphResponse plain = get(id, megan());
        GraphResponse optedIn = http.send(http.request(MEETINGS + "/" + id, megan())
                .header("Prefer", "include-unknown-enum-members")
                .GET());

        assertThat(plain.json().path("lobbyBypassSettings").path("scope").asText())
                .isEqualTo("unknownFutureValue");
        assertThat(optedIn.json().path("lobbyBypassSettings").path("scope").asText())
                .isEqualTo("invited");
        assertThat(optedIn.header("Preference-Applied")).isEqualTo("include-unknown-enum-members");
    }

    @Test
    void joinInformationFollowsAcceptLanguageWithinEnglishAndFallsBackToEnglish() {
        String id = idOf(create("{}"));

        String british = joinInformation(http.send(http.request(MEETINGS + "/" + id, megan())
                        .header("Accept-Language", "fr-FR, en-GB;q=0.8")
                        .GET())
                .json());
        String german = joinInformation(http.send(http.request(MEETINGS + "/" + id, megan())
                        .header("Accept-Language", "de-DE")
                        .GET())
                .json());

        assertThat(british)
                .contains("lang=\"en-GB\"")
                .contains("language=en-GB")
                .contains("Microsoft Teams meeting");
        assertThat(german).contains("lang=\"en-US\"").contains("Click here to join the meeting");
    }

    // ---- $filter

    @Test
    void theOrganizerFindsAMeetingByItsJoinWebUrlEncodedOnce() {
        JsonNode meeting = create("{}");

        GraphResponse found =
                find("JoinWebUrl eq '" + meeting.path("joinWebUrl").asText() + "'", megan());

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("@odata.context").asText())
                .isEqualTo(server.baseUrl() + "/v1.0/$metadata#users('" + MEGAN + "')/onlineMeetings");
        assertThat(found.json().path("value")).hasSize(1);
        assertThat(found.json().path("value").get(0).path("id")).isEqualTo(meeting.path("id"));
        assertThat(found.json().path("value").get(0).has("@odata.context")).isFalse();
    }

    /**
     * Graph's HTTP examples encode the link once, its SDK snippets put it in decoded, and some clients send it as
     * it is: each finds the meeting, since links are compared with every percent-escape decoded.
     */
    @Test
    void theOrganizerFindsAMeetingByItsJoinWebUrlHoweverTheClientEncodesIt() {
        JsonNode meeting = create("{}");
        String joinWebUrl = meeting.path("joinWebUrl").asText();
        String decoded = URLDecoder.decode(joinWebUrl, StandardCharsets.UTF_8);
        String upperCaseEscapes = Pattern.compile("%[0-9a-f]{2}")
                .matcher(joinWebUrl)
                .replaceAll(escape -> escape.group().toUpperCase(Locale.ROOT));

        GraphResponse sentRaw =
                http.send(http.request(MEETINGS + "?$filter=JoinWebUrl%20eq%20'" + joinWebUrl + "'", megan())
                        .GET());
        GraphResponse sentDecoded = find("JoinWebUrl eq '" + decoded + "'", megan());
        GraphResponse sentWithUpperCaseEscapes = find("JoinWebUrl eq '" + upperCaseEscapes + "'", megan());

        assertThat(decoded).contains("19:meeting_").contains("{\"Tid\":");
        for (GraphResponse found : List.of(sentRaw, sentDecoded, sentWithUpperCaseEscapes)) {
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json().path("value").get(0).path("id")).isEqualTo(meeting.path("id"));
        }
    }

    @Test
    void aFilterLongerThanTheLimitIsABadRequest() {
        GraphResponse tooLong = find("JoinWebUrl eq '" + "a".repeat(3000) + "'", megan());
        GraphResponse quotes = find("JoinWebUrl eq '" + "''".repeat(300) + "'", megan());

        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("BadRequest");
        assertThat(tooLong.errorMessage()).contains("$filter").contains("2048");
        assertNotFound(quotes);
    }

    @Test
    void aDoublyEncodedJoinWebUrlMatchesNothing() {
        String joinWebUrl = create("{}").path("joinWebUrl").asText();
        String encodedOnce = URLEncoder.encode(joinWebUrl, StandardCharsets.UTF_8);

        assertNotFound(find("JoinWebUrl eq '" + encodedOnce + "'", megan()));
    }

    @Test
    void theOrganizerFindsAMeetingByItsJoinMeetingId() {
        JsonNode meeting = create("{}");
        String joinMeetingId =
                meeting.path("joinMeetingIdSettings").path("joinMeetingId").asText();

        GraphResponse found = find("joinMeetingIdSettings/joinMeetingId eq '" + joinMeetingId + "'", megan());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("value").get(0).path("id")).isEqualTo(meeting.path("id"));
    }

    @Test
    void onlyTheOrganizerMayLookAMeetingUp() {
        JsonNode meeting = create(withAttendee(ADELE));
        String adele = token(ADELE, READ);

        GraphResponse byUrl =
                find("JoinWebUrl eq '" + meeting.path("joinWebUrl").asText() + "'", adele);
        GraphResponse byId = find(
                "joinMeetingIdSettings/joinMeetingId eq '"
                        + meeting.path("joinMeetingIdSettings")
                                .path("joinMeetingId")
                                .asText() + "'",
                adele);

        for (GraphResponse response : List.of(byUrl, byId)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("Forbidden");
            assertThat(response.errorMessage()).isEqualTo("3003: User does not have access to lookup meeting");
        }
    }

    @Test
    void lookupsAreTenantScopedAndUnknownValuesAreNotFound() {
        JsonNode meeting = create("{}");

        assertNotFound(find(
                "JoinWebUrl eq '" + meeting.path("joinWebUrl").asText() + "'",
                issuer.delegated(OTHER_TENANT, MEGAN, WRITE)));
        assertNotFound(find("JoinWebUrl eq 'https://example.com/l/meetup-join/none'", megan()));
        assertNotFound(find("joinMeetingIdSettings/joinMeetingId eq '000000000000'", megan()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "subject eq 'Board'",
                "JoinWebUrl ne 'x'",
                "startDateTime ge '2026-01-01'",
                "VideoTeleconferenceId eq '123'",
                "JoinWebUrl eq x",
                ""
            })
    void otherFiltersAreInvalidArguments(String filter) {
        GraphResponse response = find(filter, megan());

        assertInvalidFilter(response);
    }

    @Test
    void listingWithoutAFilterIsAnInvalidArgument() {
        assertInvalidFilter(http.send(http.request(MEETINGS, megan()).GET()));
    }

    @Test
    void lookupsHonourSelect() {
        JsonNode meeting = create("{\"subject\":\"Found\"}");
        String query = "?$filter="
                + URLEncoder.encode(
                        "JoinWebUrl eq '" + meeting.path("joinWebUrl").asText() + "'", StandardCharsets.UTF_8)
                + "&%24select=subject";

        JsonNode item = http.send(http.request(MEETINGS + query, megan()).GET())
                .json()
                .path("value")
                .get(0);

        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "subject");
    }

    // ---- routing

    @Test
    void unsupportedMethodsOnTheNewPathsAre405() {
        String id = idOf(create("{}"));

        assertThat(http.send(http.request(MEETINGS + "/" + id, megan()).PUT(HttpRequest.BodyPublishers.ofString("{}")))
                        .status())
                .isEqualTo(405);
        assertThat(http.send(http.request(MEETINGS, megan()).DELETE()).status()).isEqualTo(405);
        assertThat(http.send(http.request(ME, megan()).GET()).status()).isEqualTo(405);
    }
}
