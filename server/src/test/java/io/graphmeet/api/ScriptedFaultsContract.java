package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_TENANT;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.GraphResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripted faults over HTTP, on every backend: what a client sees, and what is stored, for each effect. */
abstract class ScriptedFaultsContract extends ServerContract {

    private static final String FAULTS = "/admin/v1/faults";

    AdminHttp admin;

    @BeforeEach
    void admin() {
        admin = server.admin();
    }

    @AfterEach
    void clearRules() {
        admin.delete(FAULTS);
    }

    void rule(String json) {
        GraphResponse set = admin.post(FAULTS, json);
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
    }

    GraphResponse getMeeting(String id) {
        return http.send(http.request("/v1.0/me/onlineMeetings/" + id, megan()).GET());
    }

    @Test
    void withNoRuleNothingFails() {
        assertThat(admin.get(FAULTS).json().path("value")).isEmpty();

        assertThat(asMegan(body(uniqueId())).status()).isEqualTo(201);
    }

    @Test
    void a429RuleAnswersAsGraphThrottlesWithRetryAfterAndStoresNothing() {
        rule("""
                {"match":{"operation":"createOrGet"},"effect":{"type":"error","status":429,"retryAfterSeconds":7},
                 "times":1}""");
        String externalId = uniqueId();

        GraphResponse throttled = asMegan(body(externalId));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("7");
        assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
        assertThat(throttled.errorMessage()).isEqualTo("Please retry again later.");
        assertThat(throttled
                        .json()
                        .path("error")
                        .path("innerError")
                        .path("request-id")
                        .asText())
                .isEqualTo(throttled.header("request-id"));
        assertThat(throttled.header("Content-Type")).startsWith("application/json");
        assertThat(asMegan(body(externalId)).status())
                .as("the throttled request created nothing")
                .isEqualTo(201);
    }

    @Test
    void a429RuleWithoutRetryAfterStillSendsOne() {
        rule("{\"effect\":{\"type\":\"error\",\"status\":429},\"times\":1}");

        GraphResponse throttled = asMegan(body(uniqueId()));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("5");
    }

    @ParameterizedTest
    @CsvSource({"500, InternalServerError", "503, ServiceNotAvailable", "504, GatewayTimeout"})
    void anErrorRuleAnswersGraphsEnvelopeForItsStatus(int status, String code) {
        rule("{\"effect\":{\"type\":\"error\",\"status\":" + status + "},\"times\":1}");
        String externalId = uniqueId();

        GraphResponse failed = asMegan(body(externalId));

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.errorCode()).isEqualTo(code);
        assertThat(failed.errorMessage()).isNotBlank();
        assertThat(failed.json().path("error").path("innerError").path("date").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(failed.header("Retry-After")).isNull();
        assertThat(asMegan(body(externalId)).status()).isEqualTo(201);
    }

    @Test
    void a503RuleSendsRetryAfterWhenAsked() {
        rule("{\"effect\":{\"type\":\"error\",\"status\":503,\"retryAfterSeconds\":2},\"times\":1}");

        GraphResponse failed = asMegan(body(uniqueId()));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void aLatencyRuleDelaysTheAnswerByAtLeastTheAskedTime() {
        rule(
                "{\"match\":{\"operation\":\"createOrGet\"},\"effect\":{\"type\":\"latency\",\"millis\":400},\"times\":1}");

        long started = System.nanoTime();
        GraphResponse slow = asMegan(body(uniqueId()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(slow.status()).isEqualTo(201);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void commitThenFailStoresTheMeetingAndTheClientsRetryGetsItWith200() {
        rule("""
                {"match":{"operation":"createOrGet"},"effect":{"type":"commitThenFail","status":503},"times":1}""");
        String externalId = uniqueId();

        GraphResponse lost = asMegan(body(externalId));
        GraphResponse retried = asMegan(body(externalId));
        GraphResponse again = asMegan(body(externalId));

        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.errorCode()).isEqualTo("ServiceNotAvailable");
        assertThat(retried.status()).as("the meeting was stored before the 503").isEqualTo(200);
        assertThat(retried.json().path("externalId").asText()).isEqualTo(externalId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText())
                .isEqualTo(retried.json().path("id").asText());
        assertThat(getMeeting(retried.json().path("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void aDroppedAnswerClosesTheConnectionAndTheClientsRetryGetsTheStoredMeeting() {
        rule("""
                {"match":{"operation":"createOrGet"},"effect":{"type":"commitThenFail","drop":true},"times":1}""");
        String externalId = uniqueId();

        assertThatThrownBy(() -> asMegan(body(externalId)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        GraphResponse retried = asMegan(body(externalId));
        GraphResponse again = asMegan(body(externalId));

        assertThat(retried.status())
                .as("the meeting was stored before the connection closed")
                .isEqualTo(200);
        assertThat(again.json().path("id").asText())
                .isEqualTo(retried.json().path("id").asText());
        assertThat(getMeeting(retried.json().path("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void commitThenFailLeavesAFailedRequestAloneAndWaitsForOneThatSucceeds() {
        rule("{\"effect\":{\"type\":\"commitThenFail\",\"status\":503},\"times\":1}");

        GraphResponse refused = asMegan("{\"subject\":\"no externalId\"}");
        GraphResponse lost = asMegan(body(uniqueId()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(lost.status()).isEqualTo(503);
    }

    @Test
    void nextNFailsExactlyNOfManySimultaneousRequests() throws Exception {
        rule("{\"match\":{\"operation\":\"createOrGet\"},\"effect\":{\"type\":\"error\",\"status\":503},\"times\":5}");
        String token = megan();

        List<GraphResponse> responses = simultaneously(24, i -> http.post(ME, token, body(uniqueId())));

        assertThat(responses).filteredOn(response -> response.status() == 503).hasSize(5);
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(19);
        assertThat(admin.get(FAULTS).json().path("value"))
                .as("a used-up rule leaves")
                .isEmpty();
    }

    @Test
    void aSeededRateFailsTheSameRequestsWhenTheRunIsReplayed() {
        List<Integer> first = statusesUnderARateOfOneThird();
        admin.delete(FAULTS);
        List<Integer> replayed = statusesUnderARateOfOneThird();

        assertThat(replayed).isEqualTo(first);
        assertThat(first).contains(503, 201);
    }

    private List<Integer> statusesUnderARateOfOneThird() {
        rule("{\"effect\":{\"type\":\"error\",\"status\":503},\"rate\":0.33,\"seed\":2026}");
        String token = megan();
        return IntStream.range(0, 24)
                .mapToObj(i -> http.post(ME, token, body(uniqueId())).status())
                .toList();
    }

    @Test
    void aRuleAppliesOnlyToItsOperationTenantAppAndUser() {
        rule("""
                {"match":{"operation":"createOrGet","tenantId":"%s","appId":"%s","userId":"%s"},
                 "effect":{"type":"error","status":503}}""".formatted(TENANT, BOT_APP, ADELE));
        String bot = issuer.application(TENANT, BOT_APP, WRITE_ALL);

        GraphResponse matched = http.post(usersPath(ADELE), bot, body(uniqueId()));
        GraphResponse otherUser = http.post(usersPath(MEGAN), bot, body(uniqueId()));
        GraphResponse otherApp = http.post(usersPath(ADELE), issuer.delegated(TENANT, ADELE, WRITE), body(uniqueId()));
        GraphResponse otherOperation = http.post("/v1.0/users/" + ADELE + "/onlineMeetings", bot, "{}");
        GraphResponse otherTenant =
                http.post(usersPath(ADELE), issuer.delegated(OTHER_TENANT, ADELE, WRITE), body(uniqueId()));

        assertThat(matched.status()).isEqualTo(503);
        assertThat(otherUser.status()).isEqualTo(201);
        assertThat(otherApp.status()).isEqualTo(201);
        assertThat(otherOperation.status()).isEqualTo(201);
        assertThat(otherTenant.status()).isNotEqualTo(503);
    }

    @Test
    void aRuleForAnotherTenantLeavesThisTenantAlone() {
        rule("{\"match\":{\"tenantId\":\"%s\"},\"effect\":{\"type\":\"error\",\"status\":500}}"
                .formatted(OTHER_TENANT));

        assertThat(asMegan(body(uniqueId())).status()).isEqualTo(201);
    }

    @Test
    void aRuleNeverStandsInForARefusal() {
        rule("{\"effect\":{\"type\":\"error\",\"status\":503}}");

        GraphResponse unauthenticated = http.post(ME, null, body(uniqueId()));

        assertThat(unauthenticated.status()).isEqualTo(401);
    }

    @Test
    void theJournalMarksEachRequestARuleTouchedWithTheRuleAndItsEffect() {
        String throttle =
                ruleId("{\"effect\":{\"type\":\"error\",\"status\":429,\"retryAfterSeconds\":3}," + "\"times\":1}");
        String throttledId = uniqueId();
        GraphResponse throttled = asMegan(body(throttledId));
        String slow = ruleId("{\"effect\":{\"type\":\"latency\",\"millis\":20},\"times\":1}");
        GraphResponse slowed = asMegan(body(uniqueId()));
        String lose = ruleId("{\"effect\":{\"type\":\"commitThenFail\",\"status\":504},\"times\":1}");
        GraphResponse lost = asMegan(body(uniqueId()));
        String drop = ruleId("{\"effect\":{\"type\":\"commitThenFail\",\"drop\":true},\"times\":1}");
        String droppedId = uniqueId();
        assertThatThrownBy(() -> asMegan(body(droppedId))).isInstanceOf(UncheckedIOException.class);
        GraphResponse plain = asMegan(body(uniqueId()));

        assertThat(journaled(throttled).path("status").asInt()).isEqualTo(429);
        assertThat(journaled(throttled).path("fault").path("ruleId").asText()).isEqualTo(throttle);
        assertThat(journaled(throttled).path("fault").path("effect").asText()).isEqualTo("error 429, Retry-After 3");
        assertThat(journaled(throttled).path("externalId").asText())
                .as("a request a fault answered before the endpoint read it is still found by its externalId")
                .isEqualTo(throttledId);
        assertThat(journaled(throttled).path("requestBody").path("externalId").asText())
                .isEqualTo(throttledId);
        assertThat(journaled(slowed).path("status").asInt()).isEqualTo(201);
        assertThat(journaled(slowed).path("fault").path("ruleId").asText()).isEqualTo(slow);
        assertThat(journaled(slowed).path("fault").path("effect").asText()).isEqualTo("latency 20 ms");
        assertThat(journaled(lost).path("status").asInt()).isEqualTo(504);
        assertThat(journaled(lost).path("fault").path("ruleId").asText()).isEqualTo(lose);
        assertThat(journaled(lost).path("fault").path("effect").asText()).isEqualTo("committed, then answered 504");
        JsonNode dropped = journal("externalId=" + droppedId).get(0);
        assertThat(dropped.path("status").asInt())
                .as("the answer the client never got")
                .isEqualTo(201);
        assertThat(dropped.path("fault").path("ruleId").asText()).isEqualTo(drop);
        assertThat(dropped.path("fault").path("effect").asText())
                .isEqualTo("committed, then closed the connection without an answer");
        assertThat(journaled(plain).path("fault").isNull()).isTrue();
    }

    private String ruleId(String json) {
        GraphResponse set = admin.post(FAULTS, json);
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        return set.json().path("id").asText();
    }

    /** The tenant's journal entry for the request {@code response} answered. */
    private JsonNode journaled(GraphResponse response) {
        for (JsonNode entry : journal("operation=createOrGet&top=50")) {
            if (entry.path("requestId").asText().equals(response.header("request-id"))) {
                return entry;
            }
        }
        throw new AssertionError("no journal entry for request-id " + response.header("request-id"));
    }

    private JsonNode journal(String query) {
        return admin.get("/admin/v1/tenants/" + TENANT + "/requests?" + query)
                .json()
                .path("value");
    }

    @Test
    void anExpiredRuleNoLongerApplies() {
        rule("{\"effect\":{\"type\":\"error\",\"status\":503},\"ttlSeconds\":30}");
        assertThat(asMegan(body(uniqueId())).status()).isEqualTo(503);

        clock.advance(Duration.ofSeconds(30));

        assertThat(asMegan(body(uniqueId())).status()).isEqualTo(201);
    }
}
