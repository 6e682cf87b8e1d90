package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.ALEX;
import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_TENANT;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.GraphResponse;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §3 and §6: update, delete and the meeting lifetime, on every backend. */
abstract class MeetingUpdatesContract extends MeetingsContract {

    // ---- update

    @Test
    void anUpdateAnswersWithTheWholeMeetingAndIsStored() {
        String id = idOf(create("{\"subject\":\"Before\"}"));

        GraphResponse updated = patch(id, megan(), "{\"subject\":\"After\"}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("subject").asText()).isEqualTo("After");
        assertThat(updated.json().path("joinInformation").path("contentType").asText())
                .isEqualTo("html");
        assertThat(updated.json().path("joinInformation").path("content").asText())
                .startsWith("data:text/html,");
        assertThat(updated.json().path("@odata.context").asText()).endsWith("/onlineMeetings/$entity");
        assertThat(get(id, megan()).json().path("subject").asText()).isEqualTo("After");
    }

    @Test
    void aReplayedCreateOrGetReturnsTheUpdatedMeeting() {
        String externalId = uniqueId();
        GraphResponse first = asMegan("{\"externalId\":\"" + externalId + "\",\"subject\":\"Before\"}");
        asMegan(body(externalId));
        String id = idOf(first.json());

        patch(id, megan(), "{\"subject\":\"After\"}");
        GraphResponse replayed = asMegan(body(externalId));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("id").asText()).isEqualTo(id);
        assertThat(replayed.json().path("subject").asText()).isEqualTo("After");
    }

    @Test
    void timesChangeOnlyTogetherAndMoveTheExpiry() {
        String id = idOf(create("{}"));

        GraphResponse moved = patch(id, megan(), """
                {"startDateTime":"2026-09-09T14:33:30.8546353-07:00","endDateTime":"2026-09-09T15:03:30.8546353-07:00"}""");
        GraphResponse onlyStart = patch(id, megan(), "{\"startDateTime\":\"2026-10-01T10:00:00Z\"}");
        GraphResponse onlyEnd = patch(id, megan(), "{\"endDateTime\":\"2026-10-01T10:00:00Z\"}");
        GraphResponse backwards = patch(
                id, megan(), "{\"startDateTime\":\"2026-10-01T10:00:00Z\",\"endDateTime\":\"2026-10-01T09:00:00Z\"}");

        assertThat(moved.json().path("startDateTime").asText()).isEqualTo("2026-09-09T21:33:30.8546353Z");
        assertThat(moved.json().path("endDateTime").asText()).isEqualTo("2026-09-09T22:03:30.8546353Z");
        assertThat(moved.json().path("expiryDateTime").asText()).isEqualTo("2026-11-08T22:03:30.8546353Z");
        CreateOrGetContract.assertBadRequestNaming(onlyStart, "endDateTime");
        CreateOrGetContract.assertBadRequestNaming(onlyEnd, "startDateTime");
        CreateOrGetContract.assertBadRequestNaming(backwards, "endDateTime");
        assertThat(get(id, megan()).json().path("startDateTime").asText()).isEqualTo("2026-09-09T21:33:30.8546353Z");
    }

    @Test
    void attendeesAreReplacedWhole() {
        String id = idOf(create(withAttendee(ADELE)));

        JsonNode updated = patch(id, megan(), """
                {"participants":{"attendees":[{"identity":{"user":{"id":"%s"}}},
                  {"identity":{"user":{"id":"9e9e9e9e-0000-4000-8000-000000000002"}},"upn":"guest@example.com"}]}}""".formatted(ALEX)).json();

        JsonNode attendees = updated.path("participants").path("attendees");
        assertThat(attendees).hasSize(2);
        assertThat(attendees.get(0).path("upn").asText()).isEqualTo("alex@contoso.com");
        assertThat(attendees.get(1).path("upn").asText()).isEqualTo("guest@example.com");
        assertNotFound(get(id, token(ADELE, READ)));
        assertThat(get(id, token(ALEX, READ)).status()).isEqualTo(200);
    }

    @Test
    void theOrganizerCannotBeChanged() {
        String id = idOf(create("{\"subject\":\"Mine\"}"));

        GraphResponse toAdele = patch(id, megan(), """
                {"subject":"Theirs","participants":{"organizer":{"identity":{"user":{"id":"%s"}}}}}""".formatted(ADELE));
        GraphResponse same = patch(id, megan(), """
                {"participants":{"organizer":{"identity":{"user":{"id":"%s"}}}}}""".formatted(MEGAN));

        CreateOrGetContract.assertBadRequestNaming(toAdele, "participants.organizer");
        assertThat(same.status()).isEqualTo(200);
        assertThat(organizerOf(get(id, megan()).json())).isEqualTo(MEGAN);
        assertThat(get(id, megan()).json().path("subject").asText()).isEqualTo("Mine");
    }

    @Test
    void lobbyBypassSettingsMergePropertyByProperty() {
        String id = idOf(create("{\"lobbyBypassSettings\":{\"scope\":\"everyone\"}}"));

        JsonNode updated = patch(id, megan(), "{\"lobbyBypassSettings\":{\"isDialInBypassEnabled\":true}}")
                .json();

        assertThat(updated.path("lobbyBypassSettings").path("scope").asText()).isEqualTo("everyone");
        assertThat(updated.path("lobbyBypassSettings")
                        .path("isDialInBypassEnabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void everyUpdatableSettingIsUpdated() {
        String id = idOf(create("{}"));

        JsonNode updated = patch(id, megan(), """
                {"allowedPresenters":"roleIsPresenter","allowedLobbyAdmitters":"organizerAndCoOrganizers",
                 "allowMeetingChat":"limited","allowLiveShare":"disabled","shareMeetingChatHistoryDefault":"none",
                 "allowAttendeeToEnableCamera":false,"allowAttendeeToEnableMic":false,"allowBreakoutRooms":false,
                 "allowCopyingAndSharingMeetingContent":false,"allowPowerPointSharing":false,"allowRecording":false,
                 "allowTeamworkReactions":false,"allowTranscription":false,"allowWhiteboard":false,
                 "isEntryExitAnnounced":false,"recordAutomatically":true,
                 "watermarkProtection":{"isEnabledForContentSharing":true,"isEnabledForVideo":true},
                 "anonymizeIdentityForRoles":["attendee"],"chatRestrictions":{"allowTextOnly":true},
                 "lobbyBypassSettings":{"scope":"organizer","isDialInBypassEnabled":true}}""").json();

        assertThat(updated.path("allowedPresenters").asText()).isEqualTo("roleIsPresenter");
        assertThat(updated.path("allowedLobbyAdmitters").asText()).isEqualTo("organizerAndCoOrganizers");
        assertThat(updated.path("allowMeetingChat").asText()).isEqualTo("limited");
        assertThat(updated.path("allowLiveShare").asText()).isEqualTo("disabled");
        assertThat(updated.path("shareMeetingChatHistoryDefault").asText()).isEqualTo("none");
        for (String flag : List.of(
                "allowAttendeeToEnableCamera",
                "allowAttendeeToEnableMic",
                "allowBreakoutRooms",
                "allowCopyingAndSharingMeetingContent",
                "allowPowerPointSharing",
                "allowRecording",
                "allowTeamworkReactions",
                "allowTranscription",
                "allowWhiteboard",
                "isEntryExitAnnounced")) {
            assertThat(updated.path(flag).asBoolean()).as(flag).isFalse();
        }
        assertThat(updated.path("recordAutomatically").asBoolean()).isTrue();
        assertThat(updated.path("watermarkProtection")
                        .path("isEnabledForContentSharing")
                        .asBoolean())
                .isTrue();
        assertThat(updated.path("watermarkProtection").path("isEnabledForVideo").asBoolean())
                .isTrue();
        assertThat(updated.path("anonymizeIdentityForRoles").get(0).asText()).isEqualTo("attendee");
        assertThat(updated.path("chatRestrictions").path("allowTextOnly").asBoolean())
                .isTrue();
        assertThat(updated.path("lobbyBypassSettings").path("scope").asText()).isEqualTo("organizer");
        assertThat(get(id, megan()).json()).isEqualTo(updated);
    }

    @Test
    void joinMeetingIdSettingsAndExternalIdAreImmutable() {
        String externalId = uniqueId();
        String id = idOf(asMegan(body(externalId)).json());

        CreateOrGetContract.assertBadRequestNaming(
                patch(id, megan(), "{\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}"),
                "joinMeetingIdSettings");
        CreateOrGetContract.assertBadRequestNaming(patch(id, megan(), "{\"externalId\":\"other\"}"), "externalId");
        JsonNode stored = get(id, megan()).json();
        assertThat(stored.path("externalId").asText()).isEqualTo(externalId);
        assertThat(stored.path("joinMeetingIdSettings")
                        .path("isPasscodeRequired")
                        .asBoolean())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"subject\":\"Changed\",\"allowRecording\":\"yes\"}|allowRecording",
                "{\"subject\":\"Changed\",\"allowedPresenters\":\"boss\"}|allowedPresenters",
                "{\"subject\":\"Changed\",\"allowMeetingChat\":\"unknownFutureValue\"}|allowMeetingChat",
                "{\"subject\":5}|subject",
                "{\"subject\":\"Changed\",\"lobbyBypassSettings\":{\"scope\":\"nobody\"}}|lobbyBypassSettings.scope",
                "{\"subject\":\"Changed\",\"lobbyBypassSettings\":true}|lobbyBypassSettings",
                "{\"subject\":\"Changed\",\"watermarkProtection\":{\"isEnabledForVideo\":1}}|watermarkProtection.isEnabledForVideo",
                "{\"subject\":\"Changed\",\"anonymizeIdentityForRoles\":[\"presenter\"]}|anonymizeIdentityForRoles",
                "{\"subject\":\"Changed\",\"startDateTime\":\"soon\",\"endDateTime\":\"later\"}|startDateTime",
                "{\"subject\":\"Changed\",\"participants\":{\"attendees\":[{\"upn\":\"a@b.c\"}]}}|participants.attendees[0]"
            })
    void badValuesAreRefusedNamingTheFieldAndChangeNothing(String caseText) {
        String[] parts = caseText.split("\\|");
        String id = idOf(create("{\"subject\":\"Original\"}"));
        String before = get(id, megan()).body();

        GraphResponse response = patch(id, megan(), parts[0]);

        CreateOrGetContract.assertBadRequestNaming(response, parts[1]);
        assertThat(get(id, megan()).body()).isEqualTo(before);
    }

    @Test
    void anAnonymisedRoleCannotBeRemoved() {
        String id = idOf(create("{\"anonymizeIdentityForRoles\":[\"attendee\"]}"));

        CreateOrGetContract.assertBadRequestNaming(
                patch(id, megan(), "{\"anonymizeIdentityForRoles\":[]}"), "anonymizeIdentityForRoles");
    }

    @Test
    void onlyTheOrganizerMayUpdateOrDelete() {
        String id = idOf(create(withAttendee(ADELE)));
        String adele = token(ADELE, WRITE);
        String alex = token(ALEX, WRITE);

        assertThat(patch(id, adele, "{\"subject\":\"Hijacked\"}").status()).isEqualTo(403);
        assertThat(delete(id, adele).status()).isEqualTo(403);
        assertNotFound(patch(id, alex, "{\"subject\":\"Hijacked\"}"));
        assertNotFound(delete(id, alex));
        assertNotFound(patch(id, issuer.delegated(OTHER_TENANT, MEGAN, WRITE), "{\"subject\":\"Hijacked\"}"));
        assertThat(get(id, megan()).json().path("subject").isNull()).isTrue();
    }

    @Test
    void anApplicationUpdatesForAUserItsPolicyCovers() {
        String id = idOf(create("{}"));

        GraphResponse updated =
                http.send(http.request(meetingsOf(MEGAN) + "/" + id, issuer.application(TENANT, BOT_APP, WRITE_ALL))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"subject\":\"By the bot\"}")));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("subject").asText()).isEqualTo("By the bot");
    }

    @Test
    void anUpdateBodyMustBeJson() {
        String id = idOf(create("{}"));

        GraphResponse response = patch(id, megan(), "{\"subject\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).startsWith("Unable to read JSON request payload.");
    }

    @Test
    void concurrentUpdatesOfDifferentSettingsAreAllKept() throws Exception {
        String id = idOf(create("{}"));
        List<String> flags = List.of(
                "allowAttendeeToEnableCamera",
                "allowAttendeeToEnableMic",
                "allowBreakoutRooms",
                "allowPowerPointSharing",
                "allowRecording",
                "allowWhiteboard");

        List<GraphResponse> responses =
                simultaneously(flags.size(), i -> patch(id, megan(), "{\"" + flags.get(i) + "\":false}"));

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        JsonNode stored = get(id, megan()).json();
        for (String flag : flags) {
            assertThat(stored.path(flag).asBoolean()).as(flag).isFalse();
        }
    }

    // ---- delete

    @Test
    void ofConcurrentDeletesExactlyOneSucceeds() throws Exception {
        String id = idOf(create("{}"));

        List<GraphResponse> responses = simultaneously(4, i -> delete(id, megan()));

        assertThat(responses).filteredOn(response -> response.status() == 204).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 404).hasSize(3);
    }

    @Test
    void aDeletedMeetingIsGoneEverywhereAndItsExternalIdIsFree() {
        String externalId = uniqueId();
        JsonNode meeting = asMegan(body(externalId)).json();
        String id = idOf(meeting);

        GraphResponse deleted = delete(id, megan());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertNotFound(get(id, megan()));
        assertNotFound(patch(id, megan(), "{\"subject\":\"Zombie\"}"));
        assertNotFound(delete(id, megan()));
        assertNotFound(find("JoinWebUrl eq '" + meeting.path("joinWebUrl").asText() + "'", megan()));
        GraphResponse again = asMegan(body(externalId));
        assertThat(again.status()).isEqualTo(201);
        assertThat(idOf(again.json())).isNotEqualTo(id);
    }

    @Test
    void anApplicationDeletesForAUserItsPolicyCovers() {
        String id = idOf(create("{}"));

        GraphResponse deleted =
                http.send(http.request(meetingsOf(MEGAN) + "/" + id, issuer.application(TENANT, BOT_APP, WRITE_ALL))
                        .DELETE());

        assertThat(deleted.status()).isEqualTo(204);
        assertNotFound(get(id, megan()));
    }

    // ---- lifetime

    @Test
    void anExpiredMeetingIsNotFoundEverywhere() {
        JsonNode meeting = create("{}");
        String id = idOf(meeting);
        clock.advance(Duration.ofDays(61));
        try {
            assertNotFound(get(id, megan()));
            assertNotFound(find("JoinWebUrl eq '" + meeting.path("joinWebUrl").asText() + "'", megan()));
            assertNotFound(patch(id, megan(), "{\"subject\":\"Late\"}"));
            assertNotFound(delete(id, megan()));
        } finally {
            clock.advance(Duration.ofDays(-61));
        }
    }

    @Test
    void anUpdateToPastTimesKeepsTheMeetingAliveForSixtyDays() {
        String id = idOf(create("{}"));

        GraphResponse moved = patch(id, megan(), """
                {"startDateTime":"2020-02-06T01:49:21Z","endDateTime":"2020-02-06T02:19:21Z"}""");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("expiryDateTime").asText())
                .isEqualTo(CreateOrGetContract.utc7(clock.instant().plus(Duration.ofDays(60))));
        assertThat(get(id, megan()).status()).isEqualTo(200);
        assertThat(patch(id, megan(), "{\"subject\":\"Still here\"}").status()).isEqualTo(200);
    }

    @Test
    void anUpdateExtendsTheMeetingsLife() {
        String id = idOf(create("{}"));
        clock.advance(Duration.ofDays(59));
        try {
            JsonNode updated =
                    patch(id, megan(), "{\"subject\":\"Still needed\"}").json();
            assertThat(updated.path("expiryDateTime").asText())
                    .isEqualTo(CreateOrGetContract.utc7(clock.instant().plus(Duration.ofDays(60))));
            clock.advance(Duration.ofDays(30));
            assertThat(get(id, megan()).status()).isEqualTo(200);
            clock.advance(Duration.ofDays(31));
            assertNotFound(get(id, megan()));
        } finally {
            clock.advance(Duration.ofDays(-120));
        }
    }
}
