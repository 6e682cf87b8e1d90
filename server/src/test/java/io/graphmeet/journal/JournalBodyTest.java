package io.graphmeet.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.http.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JournalBodyTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsABodyWithoutCredentialsAsSentWithoutCopyingIt() {
        byte[] sent = utf8("{\"externalId\":\"e-1\",  \"subject\":\"Review\"}");

        JournalBody body = JournalBody.ofRequest(sent, Json.readObject(sent), 1024);

        assertThat(body.bytes()).isSameAs(sent);
        assertThat(body.toJson().path("subject").asText()).isEqualTo("Review");
        assertThat(body.truncated()).isFalse();
    }

    @Test
    void blanksOutCredentialsByNameAndTokensByValueAnywhereInTheBody() {
        byte[] sent = utf8("{\"externalId\":\"e-1\",\"subject\":\"" + JWT + "\",\"password\":\"hunter2\","
                + "\"nested\":{\"clientSecret\":\"s3cr3t\",\"list\":[\"Bearer abc\",\"fine\"]},"
                + "\"Refresh_Token\":{\"value\":\"deep\"}}");

        JournalBody body = JournalBody.ofRequest(sent, Json.readObject(sent), 4096);

        String kept = new String(body.bytes(), StandardCharsets.UTF_8);
        assertThat(kept)
                .doesNotContain(JWT, "hunter2", "s3cr3t", "Bearer abc", "deep")
                .contains("\"externalId\":\"e-1\"", "\"fine\"");
        JsonNode json = body.toJson();
        assertThat(json.path("password").asText()).isEqualTo(JournalBody.REDACTED);
        assertThat(json.path("subject").asText()).isEqualTo(JournalBody.REDACTED);
        assertThat(json.path("nested").path("clientSecret").asText()).isEqualTo(JournalBody.REDACTED);
        assertThat(json.path("nested").path("list").get(0).asText()).isEqualTo(JournalBody.REDACTED);
        assertThat(json.path("Refresh_Token").asText()).isEqualTo(JournalBody.REDACTED);
    }

    @Test
    void looksThroughAResponseForCredentialsOnlyWhenItsRequestHadOne() {
        byte[] response = utf8("{\"id\":\"m-1\",\"subject\":\"" + JWT + "\"}");

        assertThat(JournalBody.ofResponse(response, 4096, false).bytes()).isSameAs(response);
        JournalBody echoed = JournalBody.ofResponse(response, 4096, true);
        assertThat(echoed.redacted()).isTrue();
        assertThat(new String(echoed.bytes(), StandardCharsets.UTF_8))
                .doesNotContain(JWT)
                .contains("m-1");
    }

    @Test
    void keepsTheFirstBytesOfALongBodyWithAMarkerAndNeverHalfACharacter() {
        byte[] sent = utf8("{\"subject\":\"" + "é".repeat(100) + "\"}");

        JournalBody body = JournalBody.ofResponse(sent, 20, false);

        assertThat(body.truncated()).isTrue();
        assertThat(body.bytes().length).isLessThanOrEqualTo(20);
        String shown = body.toJson().asText();
        assertThat(shown)
                .startsWith("{\"subject\":\"éééé")
                .doesNotContain("\uFFFD")
                .endsWith("…[truncated: " + body.bytes().length + " of " + sent.length + " bytes kept]");
    }

    @Test
    void keepsOnlyTheSizeOfABodyThatIsNotJson() {
        byte[] sent = utf8("client_secret=abc&grant_type=x");

        JournalBody body = JournalBody.ofRequest(sent, null, 1024);

        assertThat(body.bytes()).isNull();
        assertThat(body.toJson().asText()).isEqualTo("[not JSON: " + sent.length + " bytes, not kept]");
    }

    @Test
    void aCredentialNameHiddenBehindAUnicodeEscapeIsStillBlankedOut() {
        byte[] sent = utf8("{\"externalId\":\"e-1\",\"\\u0070assword\":\"hunter2\",\"API_KEY\":\"k\"}");

        JournalBody body = JournalBody.ofRequest(sent, Json.readObject(sent), 1024);

        assertThat(new String(body.bytes(), StandardCharsets.UTF_8))
                .doesNotContain("hunter2")
                .contains("e-1");
        assertThat(body.toJson().path("API_KEY").asText()).isEqualTo(JournalBody.REDACTED);
    }

    @Test
    void namesThatSpeakOfCredentialsAreRecognisedInAnyCaseButMeetingPropertiesAreNot() {
        assertThat(Secrets.isSecretName("client_secret")).isTrue();
        assertThat(Secrets.isSecretName("accessToken")).isTrue();
        assertThat(Secrets.isSecretName("X-API-KEY")).isTrue();
        assertThat(Secrets.isSecretName("externalId")).isFalse();
        assertThat(Secrets.isSecretName("isPasscodeRequired")).isFalse();
        assertThat(Secrets.isSecretName("allowedPresenters")).isFalse();
    }
}
