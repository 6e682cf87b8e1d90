package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.GraphResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** What the onlineMeetings contract suites share: calls as Megan and Graph's error shapes. */
abstract class MeetingsContract extends ServerContract {

    static final String MEETINGS = "/v1.0/me/onlineMeetings";
    static final String READ = "OnlineMeetings.Read";
    static final String READ_ALL = "OnlineMeetings.Read.All";
    static final String NOT_FOUND = "3004: Specified meeting is not found";

    JsonNode create(String json) {
        GraphResponse created = http.post(MEETINGS, megan(), json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    GraphResponse get(String id, String token) {
        return http.send(http.request(MEETINGS + "/" + id, token).GET());
    }

    GraphResponse patch(String id, String token, String json) {
        return http.send(http.request(MEETINGS + "/" + id, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    GraphResponse delete(String id, String token) {
        return http.send(http.request(MEETINGS + "/" + id, token).DELETE());
    }

    /** {@code GET /me/onlineMeetings?$filter=...} with the filter percent-encoded once, as clients must. */
    GraphResponse find(String filter, String token) {
        return http.send(http.request(MEETINGS + "?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), token)
                .GET());
    }

    String token(String user, String scope) {
        return issuer.delegated(TENANT, user, scope);
    }

    String joinWebUrlOf(String id) {
        return get(id, megan()).json().path("joinWebUrl").asText();
    }

    static String meetingsOf(String user) {
        return "/v1.0/users/" + user + "/onlineMeetings";
    }

    static String withAttendee(String user) {
        return "{\"participants\":{\"attendees\":[{\"identity\":{\"user\":{\"id\":\"" + user + "\"}}}]}}";
    }

    static String idOf(JsonNode meeting) {
        return meeting.path("id").asText();
    }

    static String organizerOf(JsonNode meeting) {
        return meeting.path("participants")
                .path("organizer")
                .path("identity")
                .path("user")
                .path("id")
                .asText();
    }

    static String joinInformation(JsonNode meeting) {
        return URLDecoder.decode(meeting.path("joinInformation").path("content").asText(), StandardCharsets.UTF_8);
    }

    static void assertNotFound(GraphResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NotFound");
        assertThat(response.errorMessage()).isEqualTo(NOT_FOUND);
    }

    static void assertForbidden(GraphResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("Forbidden");
    }

    static void assertInvalidFilter(GraphResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidArgument");
        assertThat(response.errorMessage())
                .isEqualTo("Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.");
    }
}
