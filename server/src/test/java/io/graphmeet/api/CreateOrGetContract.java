package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_TENANT;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.GraphResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §2 and §3: the rules of createOrGet, run against every backend. */
abstract class CreateOrGetContract extends ServerContract {

    @Test
    void createsWith201ThenReturnsTheSameMeetingWith200() {
        String externalId = uniqueId();
        GraphResponse created = asMegan(body(externalId));
        GraphResponse replayed = asMegan(body(externalId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(created.json());
        assertThat(created.json().path("externalId").asText()).isEqualTo(externalId);
    }

    @Test
    void replayWithDifferentValuesReturnsTheStoredMeetingUnchanged() {
        String externalId = uniqueId();
        GraphResponse created = asMegan("""
                {"externalId":"%s","subject":"First","startDateTime":"2026-04-01T10:00:00Z"}""".formatted(externalId));
        GraphResponse replayed = asMegan("""
                {"externalId":"%s","subject":"Second","startDateTime":"2026-05-01T10:00:00Z"}""".formatted(externalId));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("subject").asText()).isEqualTo("First");
        assertThat(replayed.json().path("startDateTime").asText()).isEqualTo("2026-04-01T10:00:00Z");
        assertThat(replayed.json()).isEqualTo(created.json());
    }

    /**
     * Planted bug: a replay answered with the request's subject instead of the stored one passed the test above,
     * which reads the bytes the rendered-body cache kept from the create; another {@code Accept-Language} is
     * another view, rendered afresh, and shows it (verified by hand, then reverted).
     */
    @Test
    void aReplayInAnotherLanguageReturnsTheStoredValuesNotTheRequests() {
        String externalId = uniqueId();
        GraphResponse created = asMegan("""
                {"externalId":"%s","subject":"Stored","startDateTime":"2026-04-01T10:00:00Z"}""".formatted(externalId));
        GraphResponse replayed = http.send(http.request(ME, megan())
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en-GB")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"externalId":"%s","subject":"Requested","startDateTime":"2026-05-01T10:00:00Z",
                         "participants":{"attendees":[{"identity":{"user":{"id":"%s"}}}]}}""".formatted(externalId, ADELE))));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("id")).isEqualTo(created.json().path("id"));
        assertThat(replayed.json().path("subject").asText()).isEqualTo("Stored");
        assertThat(replayed.json().path("startDateTime").asText()).isEqualTo("2026-04-01T10:00:00Z");
        assertThat(replayed.json().path("endDateTime").asText()).isEqualTo("2026-04-01T11:00:00Z");
        assertThat(replayed.json().path("participants"))
                .isEqualTo(created.json().path("participants"));
        assertThat(replayed.json().path("joinInformation"))
                .isNotEqualTo(created.json().path("joinInformation"));
    }

    @Test
    void sameExternalIdForTwoUsersGivesTwoMeetings() {
        String externalId = uniqueId();
        GraphResponse megans = asMegan(body(externalId));
        GraphResponse adeles = http.post(ME, issuer.delegated(TENANT, ADELE, WRITE), body(externalId));

        assertThat(megans.status()).isEqualTo(201);
        assertThat(adeles.status()).isEqualTo(201);
        assertThat(adeles.json().path("id").asText())
                .isNotEqualTo(megans.json().path("id").asText());
    }

    @Test
    void sameUserIdAndExternalIdInAnotherTenantIsAnotherMeeting() {
        String externalId = uniqueId();
        GraphResponse contoso = asMegan(body(externalId));
        GraphResponse fabrikam = http.post(ME, issuer.delegated(OTHER_TENANT, MEGAN, WRITE), body(externalId));

        assertThat(fabrikam.status()).isEqualTo(201);
        assertThat(fabrikam.json().path("id").asText())
                .isNotEqualTo(contoso.json().path("id").asText());
        assertThat(fabrikam.json()
                        .path("participants")
                        .path("organizer")
                        .path("identity")
                        .path("user")
                        .path("tenantId")
                        .asText())
                .isEqualTo(OTHER_TENANT);
    }

    @Test
    void withoutTimesStartsNowAndLastsOneHour() {
        JsonNode meeting = asMegan(body(uniqueId())).json();

        Instant now = clock.instant();
        assertThat(meeting.path("startDateTime").asText()).isEqualTo(utc7(now));
        assertThat(meeting.path("endDateTime").asText()).isEqualTo(utc7(now.plus(Duration.ofHours(1))));
        assertThat(meeting.path("creationDateTime").asText()).isEqualTo(utc7(now));
    }

    @Test
    void withOnlyAStartEndsOneHourLaterAtTheSamePrecision() {
        JsonNode meeting = asMegan("""
                {"externalId":"%s","startDateTime":"2026-06-01T08:30:00.25+02:00"}""".formatted(uniqueId())).json();

        assertThat(meeting.path("startDateTime").asText()).isEqualTo("2026-06-01T06:30:00.25Z");
        assertThat(meeting.path("endDateTime").asText()).isEqualTo("2026-06-01T07:30:00.25Z");
    }

    @Test
    void timesAreNormalisedToUtcKeepingSevenFractionalDigits() {
        JsonNode meeting = asMegan("""
                {"externalId":"%s","startDateTime":"2026-09-09T14:33:30.8546353-07:00",
                 "endDateTime":"2026-09-09T15:03:30.8546353-07:00"}""".formatted(uniqueId())).json();

        assertThat(meeting.path("startDateTime").asText()).isEqualTo("2026-09-09T21:33:30.8546353Z");
        assertThat(meeting.path("endDateTime").asText()).isEqualTo("2026-09-09T22:03:30.8546353Z");
        assertThat(meeting.path("expiryDateTime").asText()).isEqualTo("2026-11-08T22:03:30.8546353Z");
    }

    @Test
    void endWithoutStartIsRejected() {
        GraphResponse response = asMegan("""
                {"externalId":"%s","endDateTime":"2026-06-01T08:30:00Z"}""".formatted(uniqueId()));

        assertBadRequestNaming(response, "endDateTime");
    }

    @Test
    void endBeforeStartIsRejected() {
        GraphResponse response = asMegan("""
                {"externalId":"%s","startDateTime":"2026-06-01T09:00:00Z","endDateTime":"2026-06-01T08:00:00Z"}""".formatted(uniqueId()));

        assertBadRequestNaming(response, "endDateTime");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-06-01T09:00:00.12345678Z",
                "2026-06-01T09:00:00",
                "tomorrow",
                "2026-13-01T09:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "0000-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "-2026-06-01T09:00:00Z"
            })
    void badStartTimesAreRejected(String start) {
        GraphResponse response = asMegan("""
                {"externalId":"%s","startDateTime":"%s"}""".formatted(uniqueId(), start));

        assertBadRequestNaming(response, "startDateTime");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"externalId\":\"\"}",
                "{\"externalId\":\"   \"}",
                "{\"externalId\":null}",
                "{\"externalId\":42}",
                "{\"externalId\":[\"a\"]}"
            })
    void missingOrInvalidExternalIdIsRejected(String json) {
        assertBadRequestNaming(asMegan(json), "externalId");
    }

    @Test
    void externalIdMayHave256CharactersButNotMore() {
        String base = "k".repeat(200) + uniqueId().substring(0, 40);
        String longest = base + "x".repeat(256 - base.length());

        assertThat(asMegan(body(longest)).status()).isEqualTo(201);
        assertBadRequestNaming(asMegan(body(longest + "y")), "externalId");
    }

    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String externalId = uniqueId();
        asMegan("""
                {"externalId":"%s","startDateTime":"2026-06-01T09:00:00Z","endDateTime":"2026-06-01T08:00:00Z"}""".formatted(externalId));

        assertThat(asMegan(body(externalId)).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"externalId\":",
                "not json",
                "[]",
                "\"text\"",
                "",
                "{\"externalId\":\"a\",\"externalId\":\"b\"}"
            })
    void unreadableBodiesGetGraphsMessage(String json) {
        GraphResponse response = asMegan(json);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
        assertThat(response.errorMessage())
                .isEqualTo("Unable to read JSON request payload. Please ensure "
                        + "Content-Type header is set and payload is of valid JSON format.");
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIsRejected() {
        GraphResponse response = http.send(http.request(ME, megan())
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(uniqueId()))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).startsWith("Unable to read JSON request payload.");
    }

    @Test
    void unknownPropertiesAnnotationsAndABodyOrganizerAreIgnored() {
        JsonNode meeting = asMegan("""
                {"@odata.type":"#microsoft.graph.onlineMeeting","externalId":"%s","lobbyBypassSettings":{"scope":"everyone"},
                 "joinMeetingIdSettings":{"isPasscodeRequired":true},"somethingNew":{"a":[1,2]},
                 "participants":{"organizer":{"identity":{"user":{"id":"%s"}}}}}""".formatted(uniqueId(), ADELE)).json();

        assertThat(meeting.path("participants")
                        .path("organizer")
                        .path("identity")
                        .path("user")
                        .path("id")
                        .asText())
                .isEqualTo(MEGAN);
        assertThat(meeting.path("lobbyBypassSettings").path("scope").asText()).isEqualTo("organization");
        assertThat(meeting.path("joinMeetingIdSettings")
                        .path("isPasscodeRequired")
                        .asBoolean())
                .isFalse();
        assertThat(meeting.has("somethingNew")).isFalse();
    }

    @Test
    void participantsAreFilledFromTheDirectory() {
        JsonNode meeting = asMegan("""
                {"externalId":"%s","participants":{"attendees":[
                  {"identity":{"user":{"id":"%s"}}},
                  {"identity":{"user":{"id":"9e9e9e9e-0000-4000-8000-000000000001"}},"upn":"guest@example.com","role":"presenter"}]}}""".formatted(uniqueId(), ADELE)).json();

        JsonNode organizer = meeting.path("participants").path("organizer");
        assertThat(organizer.path("role").asText()).isEqualTo("presenter");
        assertThat(organizer.path("upn").asText()).isEqualTo("megan@contoso.com");
        assertThat(organizer.path("identity").path("user").path("displayName").asText())
                .isEqualTo("Megan Bowen");
        assertThat(organizer
                        .path("identity")
                        .path("user")
                        .path("identityProvider")
                        .asText())
                .isEqualTo("AAD");
        JsonNode known = meeting.path("participants").path("attendees").get(0);
        assertThat(known.path("upn").asText()).isEqualTo("adele@contoso.com");
        assertThat(known.path("role").asText()).isEqualTo("attendee");
        assertThat(known.path("identity").path("user").path("displayName").asText())
                .isEqualTo("Adele Vance");
        assertThat(known.path("identity").path("user").path("tenantId").asText())
                .isEqualTo(TENANT);
        JsonNode unknown = meeting.path("participants").path("attendees").get(1);
        assertThat(unknown.path("upn").asText()).isEqualTo("guest@example.com");
        assertThat(unknown.path("role").asText()).isEqualTo("presenter");
        assertThat(unknown.path("identity").path("user").path("displayName").isNull())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"attendees\":[{\"upn\":\"a@b.c\"}]}",
                "{\"attendees\":[{\"identity\":{\"user\":{\"id\":7}}}]}",
                "{\"attendees\":{}}",
                "[]",
                "{\"attendees\":[{\"identity\":{\"user\":{\"id\":\"x\"}},\"role\":\"boss\"}]}"
            })
    void malformedParticipantsAreRejected(String participants) {
        GraphResponse response = asMegan("""
                {"externalId":"%s","participants":%s}""".formatted(uniqueId(), participants));

        assertBadRequestNaming(response, "participants");
    }

    @Test
    void evolvableEnumMembersAreHiddenUnlessTheCallerOptsIn() {
        String externalId = uniqueId();
        String json = """
                {"externalId":"%s","participants":{"attendees":[{"identity":{"user":{"id":"%s"}},"role":"coorganizer"}]}}""".formatted(externalId, ADELE);
        JsonNode plain = asMegan(json).json();
        GraphResponse optedIn = http.send(http.request(ME, megan())
                .header("Content-Type", "application/json")
                .header("Prefer", "include-unknown-enum-members")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));

        assertThat(plain.path("participants")
                        .path("attendees")
                        .get(0)
                        .path("role")
                        .asText())
                .isEqualTo("unknownFutureValue");
        assertThat(optedIn.json()
                        .path("participants")
                        .path("attendees")
                        .get(0)
                        .path("role")
                        .asText())
                .isEqualTo("coorganizer");
        assertThat(optedIn.header("Preference-Applied")).isEqualTo("include-unknown-enum-members");
    }

    @Test
    void serverMadeValuesFollowGraphsEncodings() {
        JsonNode meeting = asMegan(body(uniqueId())).json();

        String threadId = meeting.path("chatInfo").path("threadId").asText();
        assertThat(threadId).matches("19:meeting_[A-Za-z0-9+/]{48}@thread\\.v2");
        String guid = new String(Base64.getDecoder().decode(threadId.substring(11, 59)), StandardCharsets.UTF_8);
        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        String id = new String(Base64.getDecoder().decode(meeting.path("id").asText()), StandardCharsets.UTF_8);
        assertThat(id).isEqualTo("1*" + MEGAN + "*0**" + threadId);
        assertThat(meeting.path("chatInfo").path("messageId").asText()).isEqualTo("0");
        assertThat(meeting.path("joinMeetingIdSettings").path("joinMeetingId").asText())
                .matches("[1-9][0-9]{11}");
        String joinWebUrl = meeting.path("joinWebUrl").asText();
        assertThat(joinWebUrl)
                .startsWith(server.baseUrl() + "/l/meetup-join/19%3ameeting_")
                .contains("%40thread.v2/0?context=");
        assertThat(URLDecoder.decode(joinWebUrl.substring(joinWebUrl.indexOf("context=") + 8), StandardCharsets.UTF_8))
                .isEqualTo("{\"Tid\":\"" + TENANT + "\",\"Oid\":\"" + MEGAN + "\"}");
        assertThat(meeting.path("@odata.context").asText())
                .isEqualTo(server.baseUrl() + "/v1.0/$metadata#users('" + MEGAN + "')/onlineMeetings/$entity");
        assertThat(meeting.path("joinInformation").path("contentType").asText()).isEqualTo("html");
        assertThat(URLDecoder.decode(
                        meeting.path("joinInformation").path("content").asText(), StandardCharsets.UTF_8))
                .startsWith("data:text/html,")
                .contains(meeting.path("joinMeetingIdSettings")
                                .path("joinMeetingId")
                                .asText()
                                .substring(0, 3) + " ");
    }

    @Test
    void everyV1PropertyIsPresentWithExplicitNulls() {
        JsonNode meeting = asMegan(body(uniqueId())).json();

        assertThat(meeting.has("videoTeleconferenceId")).isTrue();
        assertThat(meeting.path("videoTeleconferenceId").isNull()).isTrue();
        assertThat(meeting.path("audioConferencing").isNull()).isTrue();
        assertThat(meeting.path("subject").isNull()).isTrue();
        assertThat(meeting.path("allowedPresenters").asText()).isEqualTo("everyone");
        assertThat(meeting.path("isEntryExitAnnounced").isBoolean()).isTrue();
        assertThat(meeting.path("anonymizeIdentityForRoles").isArray()).isTrue();
        assertThat(meeting.path("participants")
                        .path("organizer")
                        .path("identity")
                        .has("application"))
                .isTrue();
    }

    @Test
    void theBetaPathServesTheSameOperation() {
        String externalId = uniqueId();
        GraphResponse v1 = asMegan(body(externalId));
        GraphResponse beta = http.post("/beta/me/onlineMeetings/createOrGet", megan(), body(externalId));

        assertThat(beta.status()).isEqualTo(200);
        assertThat(beta.json().path("id")).isEqualTo(v1.json().path("id"));
    }

    @Test
    void anExpiredMeetingFreesItsKey() {
        String externalId = uniqueId();
        GraphResponse first = asMegan("""
                {"externalId":"%s","startDateTime":"%s"}""".formatted(externalId, utc7(clock.instant())));
        clock.advance(Duration.ofDays(61));
        try {
            GraphResponse second = asMegan(body(externalId));
            GraphResponse third = asMegan(body(externalId));

            assertThat(second.status()).isEqualTo(201);
            assertThat(second.json().path("id")).isNotEqualTo(first.json().path("id"));
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.json().path("id")).isEqualTo(second.json().path("id"));
        } finally {
            clock.advance(Duration.ofDays(-61));
        }
    }

    /** The example request of Graph's createOrGet page, dated 2020: it must replay like any other. */
    @Test
    void graphsOwnPastDatedExampleReplaysTheSameMeeting() {
        String example = """
                {"startDateTime":"2020-02-06T01:49:21.3524945+00:00","endDateTime":"2020-02-06T02:19:21.3524945+00:00",
                 "subject":"Create a meeting with customId provided","externalId":"7eb8263f-d0e0-4149-bb1c-1f0476083c56",
                 "participants":{"attendees":[{"identity":{"user":{"id":"1f35f2e6-9cab-44ad-8d5a-b74c14720000"}},
                 "upn":"test1@contoso.com"}]}}""";

        GraphResponse created = asMegan(example);
        GraphResponse replayed = asMegan(example);
        GraphResponse read = http.send(http.request(
                        "/v1.0/me/onlineMeetings/" + created.json().path("id").asText(), megan())
                .GET());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(created.json());
        assertThat(created.json().path("endDateTime").asText()).isEqualTo("2020-02-06T02:19:21.3524945Z");
        assertThat(created.json().path("expiryDateTime").asText())
                .isEqualTo(utc7(clock.instant().plus(Duration.ofDays(60))));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("id")).isEqualTo(created.json().path("id"));
    }

    @Test
    void aPastDatedMeetingLapsesSixtyDaysAfterItWasCreated() {
        String externalId = uniqueId();
        String pastDated = """
                {"externalId":"%s","startDateTime":"2020-02-06T01:49:21Z","endDateTime":"2020-02-06T02:19:21Z"}""".formatted(externalId);
        GraphResponse created = asMegan(pastDated);
        try {
            clock.advance(Duration.ofDays(60).minusSeconds(1));
            GraphResponse stillLive = asMegan(body(externalId));
            clock.advance(Duration.ofSeconds(1));
            GraphResponse afterExpiry = asMegan(body(externalId));

            assertThat(stillLive.status()).isEqualTo(200);
            assertThat(stillLive.json().path("id")).isEqualTo(created.json().path("id"));
            assertThat(afterExpiry.status()).isEqualTo(201);
            assertThat(afterExpiry.json().path("id"))
                    .isNotEqualTo(created.json().path("id"));
        } finally {
            clock.advance(Duration.ofDays(-60));
        }
    }

    @Test
    void everyResponseCarriesGraphsHeaders() {
        GraphResponse echoed = http.send(http.request(ME, megan())
                .header("Content-Type", "application/json")
                .header("client-request-id", "my-client-id-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(uniqueId()))));
        GraphResponse failed = asMegan("{}");

        assertThat(echoed.header("request-id")).matches(GUID).isNotEqualTo("my-client-id-1");
        assertThat(echoed.header("client-request-id")).isEqualTo("my-client-id-1");
        assertThat(echoed.header("Content-Type"))
                .isEqualTo("application/json;odata.metadata=minimal;"
                        + "odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
        assertThat(ZonedDateTime.parse(echoed.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isCloseTo(Instant.now(), within(5, ChronoUnit.MINUTES));
        assertThat(failed.header("request-id")).matches(GUID);
        assertThat(failed.header("client-request-id")).isEqualTo(failed.header("request-id"));
        JsonNode inner = failed.json().path("error").path("innerError");
        assertThat(inner.path("request-id").asText()).isEqualTo(failed.header("request-id"));
        assertThat(inner.path("client-request-id").asText()).isEqualTo(failed.header("client-request-id"));
        assertThat(inner.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    }

    /**
     * Planted bug: {@code request-id} and {@code client-request-id} swapped in the envelope's {@code innerError}
     * passed every test that sent no client id, where both are the same; this one fails on it (verified by hand,
     * then reverted).
     */
    @Test
    void failedRequestsNameTheRequestIdAndTheClientsIdEachInItsPlace() {
        String body = body(uniqueId());
        Map<String, GraphResponse> failures = new LinkedHashMap<>();
        failures.put(
                "400 bad body",
                sendWithClientId(
                        http.request(ME, megan())
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")),
                        "client-400"));
        failures.put(
                "401 no token",
                sendWithClientId(
                        http.request(ME, null)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)),
                        "client-401"));
        failures.put(
                "403 another user",
                sendWithClientId(
                        http.request(usersPath(ADELE), megan())
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)),
                        "client-403"));
        failures.put(
                "400 unknown segment",
                sendWithClientId(
                        http.request("/v1.0/me/onlineMeetingz", megan())
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)),
                        "client-segment"));
        failures.put(
                "405 wrong method", sendWithClientId(http.request(ME, megan()).GET(), "client-405"));

        failures.forEach((what, response) -> {
            String clientId = response.raw()
                    .request()
                    .headers()
                    .firstValue("client-request-id")
                    .orElseThrow();
            String requestId = response.header("request-id");
            assertThat(response.status()).as(what).isBetween(400, 499);
            assertThat(requestId).as(what).matches(GUID).isNotEqualTo(clientId);
            assertThat(response.header("client-request-id")).as(what).isEqualTo(clientId);
            JsonNode inner = response.json().path("error").path("innerError");
            assertThat(inner.path("request-id").asText()).as(what).isEqualTo(requestId);
            assertThat(inner.path("client-request-id").asText()).as(what).isEqualTo(clientId);
        });
    }

    private GraphResponse sendWithClientId(java.net.http.HttpRequest.Builder request, String clientId) {
        return http.send(request.header("client-request-id", clientId));
    }

    @Test
    void aBodyOverTheLimitGets413AndCreatesNothing() {
        String externalId = uniqueId();
        String padding = "x".repeat(70_000);
        GraphResponse response = asMegan("""
                {"externalId":"%s","subject":"%s"}""".formatted(externalId, padding));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("RequestEntityTooLarge");
        assertThat(asMegan(body(externalId)).status()).isEqualTo(201);
    }

    @Test
    void unknownPathsAndMethodsGetGraphErrors() {
        GraphResponse unknown = http.post("/v1.0/me/onlineMeetingz", megan(), body(uniqueId()));
        GraphResponse wrongMethod = http.send(http.request(ME, megan()).GET());

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).isEqualTo("Resource not found for the segment 'onlineMeetingz'.");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod
                        .json()
                        .path("error")
                        .path("innerError")
                        .path("request-id")
                        .asText())
                .matches(GUID)
                .isEqualTo(wrongMethod.header("request-id"));
    }

    /** A version-4 GUID in lower case, as Graph's request ids are. */
    static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    static String utc7(Instant instant) {
        return io.graphmeet.meetings.Timestamp.of(instant).toString();
    }

    static void assertBadRequestNaming(GraphResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
        assertThat(response.errorMessage()).contains(field);
    }
}
