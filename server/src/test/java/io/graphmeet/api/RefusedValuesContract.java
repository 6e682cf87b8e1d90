package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.GraphResponse;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values Graph would refuse are a {@code 400} in Graph's envelope on every backend, never a {@code 500} or
 * {@code 503}, and change nothing: NUL characters and unpaired UTF-16 surrogates, which no database stores
 * faithfully (PostgreSQL refuses NUL; SQLite writes both "a", U+D800, "b" and "a", U+DBFF, "b" as
 * {@code "a?b"}).
 */
abstract class RefusedValuesContract extends MeetingsContract {

    /** JSON string contents, as escapes, that hold a NUL or an unpaired surrogate. */
    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0000", "a\\ud800b", "a\\udbffb", "a\\udc00", "\\ud83d", "\\ude00\\ud83d"})
    void createOrGetRefusesTheExternalId(String escaped) {
        String externalId = uniqueId() + escaped;

        GraphResponse response = asMegan("{\"externalId\":\"" + externalId + "\"}");

        CreateOrGetContract.assertBadRequestNaming(response, "externalId");
    }

    @Test
    void twoDifferentUnpairedSurrogatesNeverMeetOnOneMeeting() {
        String base = uniqueId();

        GraphResponse first = asMegan("{\"externalId\":\"" + base + "\\ud800b\"}");
        GraphResponse second = asMegan("{\"externalId\":\"" + base + "\\udbffb\"}");
        GraphResponse question = asMegan("{\"externalId\":\"" + base + "?b\"}");

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(question.status()).isEqualTo(201);
    }

    @Test
    void aProperlyPairedSurrogateIsAnOrdinaryCharacter() {
        String externalId = uniqueId() + "\\ud83d\\ude00";

        GraphResponse created = asMegan("{\"externalId\":\"" + externalId + "\",\"subject\":\"\\ud83d\\ude00\"}");
        GraphResponse replayed = asMegan("{\"externalId\":\"" + externalId + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("subject").asText()).isEqualTo("\uD83D\uDE00");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("id")).isEqualTo(created.json().path("id"));
    }

    @Test
    void aSurrogateEncodedAsUtf8BytesIsRefusedToo() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"externalId\":\"" + uniqueId() + "a").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));

        GraphResponse response = http.send(http.request(ME, megan())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"subject\":\"a\\u0000b\"}",
                "{\"participants\":{\"attendees\":[{\"identity\":{\"user\":{\"id\":\"a\\u0000\"}}}]}}",
                "{\"participants\":{\"attendees\":[{\"upn\":\"\\ud800\",\"identity\":{\"user\":{\"id\":\"x\"}}}]}}",
                "{\"meetingTemplateId\":\"\\udfff\"}",
                "{\"chatRestrictions\":{\"allowTextOnly\":false},\"meetingSpokenLanguageTag\":\"en\\u0000\"}"
            })
    void createRefusesAnyStringHoldingThem(String json) {
        GraphResponse response = http.post(MEETINGS, megan(), json);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void anUpdateHoldingThemChangesNothing() {
        JsonNode meeting = create("{\"subject\":\"Kept\"}");

        GraphResponse response = patch(idOf(meeting), megan(), "{\"subject\":\"Lost\\u0000\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("subject");
        assertThat(get(idOf(meeting), megan()).json().path("subject").asText()).isEqualTo("Kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"joinMeetingIdSettings/joinMeetingId eq '1\u00002'", "JoinWebUrl eq 'https://x\u0000/l'"})
    void aNulInALookupIsABadRequest(String filter) {
        GraphResponse response = find(filter, megan());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void bytesThatAreNotUtf8InALookupAreReplacedAndMatchNothing() {
        GraphResponse response = http.send(
                http.request(MEETINGS + "?$filter=joinMeetingIdSettings/joinMeetingId%20eq%20'12%ED%A0%80'", megan())
                        .GET());

        assertNotFound(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "%00", "megan%00@contoso.com"})
    void aNulInThePathUserIsABadRequest(String user) {
        GraphResponse response = http.post(
                "/v1.0/users/" + user + "/onlineMeetings/createOrGet",
                issuer.application(TENANT, BOT_APP, WRITE_ALL),
                body(uniqueId()));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void aNulInTheMeetingIdIsNotFound() {
        assertNotFound(get("MSphKgA%00", megan()));
    }
}
