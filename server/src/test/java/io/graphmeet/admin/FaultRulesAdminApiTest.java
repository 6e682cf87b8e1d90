package io.graphmeet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /admin/v1/faults}: set, list, read, remove and clear a node's fault rules; bad rules are a clear 400. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultRulesAdminApiTest {

    private static final String FAULTS = "/admin/v1/faults";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private TestServer server;
    private AdminHttp admin;

    @BeforeAll
    void startServer(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch).clock(clock).start();
        admin = server.admin();
    }

    @AfterEach
    void clearRules() {
        admin.delete(FAULTS);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersTheRuleWithItsIdRemainingTimesAndExpiry() {
        Instant now = clock.instant();
        GraphResponse created = admin.post(FAULTS, """
                {"match":{"operation":"createOrGet","tenantId":"t1"},
                 "effect":{"type":"error","status":429,"retryAfterSeconds":7},"times":3,"ttlSeconds":600}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode rule = created.json();
        assertThat(rule.path("id").asText()).isNotBlank();
        assertThat(rule.path("match").path("operation").asText()).isEqualTo("createOrGet");
        assertThat(rule.path("match").path("tenantId").asText()).isEqualTo("t1");
        assertThat(rule.path("effect").path("type").asText()).isEqualTo("error");
        assertThat(rule.path("effect").path("status").asInt()).isEqualTo(429);
        assertThat(rule.path("effect").path("retryAfterSeconds").asInt()).isEqualTo(7);
        assertThat(rule.path("times").asInt()).isEqualTo(3);
        assertThat(rule.path("remaining").asInt()).isEqualTo(3);
        assertThat(rule.path("ttlSeconds").asInt()).isEqualTo(600);
        assertThat(rule.path("expiresAt").asText())
                .isEqualTo(now.plusSeconds(600).toString());
    }

    @Test
    void aRateWithoutASeedIsGivenOneToReplayItWith() {
        JsonNode rule = admin.post(FAULTS, """
                {"effect":{"type":"latency","millis":5},"rate":0.5}""").json();

        assertThat(rule.path("seed").isIntegralNumber()).as(rule.toString()).isTrue();
        assertThat(rule.path("remaining").isNull()).as("no limit").isTrue();
        assertThat(rule.path("expiresAt").isNull()).as("never").isTrue();
    }

    @Test
    void listsReadsAndRemovesRulesInTheOrderTheyAreTried() {
        String first = admin.post(FAULTS, "{\"effect\":{\"type\":\"error\",\"status\":503}}")
                .json()
                .path("id")
                .asText();
        String second = admin.post(FAULTS, "{\"effect\":{\"type\":\"commitThenFail\",\"drop\":true}}")
                .json()
                .path("id")
                .asText();

        JsonNode listed = admin.get(FAULTS).json().path("value");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(first);
        assertThat(listed.get(1).path("id").asText()).isEqualTo(second);
        assertThat(listed.get(1).path("effect").path("drop").asBoolean()).isTrue();
        assertThat(admin.get(FAULTS + "/" + second).json().path("id").asText()).isEqualTo(second);

        assertThat(admin.delete(FAULTS + "/" + first).status()).isEqualTo(204);
        GraphResponse gone = admin.get(FAULTS + "/" + first);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NotFound");
        assertThat(admin.delete(FAULTS + "/" + first).status()).isEqualTo(404);
        assertThat(admin.get(FAULTS).json().path("value")).hasSize(1);

        assertThat(admin.delete(FAULTS).status()).isEqualTo(204);
        assertThat(admin.get(FAULTS).json().path("value")).isEmpty();
    }

    @Test
    void anExpiredRuleIsNoLongerListed() {
        admin.post(FAULTS, "{\"effect\":{\"type\":\"error\",\"status\":500},\"ttlSeconds\":60}");
        assertThat(admin.get(FAULTS).json().path("value")).hasSize(1);

        clock.advance(Duration.ofSeconds(60));

        assertThat(admin.get(FAULTS).json().path("value")).isEmpty();
    }

    @Test
    void everyFaultRouteDemandsTheAdminKey() {
        assertThat(admin.withKey(null).get(FAULTS).status()).isEqualTo(401);
        assertThat(admin.withKey("wrong")
                        .post(FAULTS, "{\"effect\":{\"type\":\"error\",\"status\":500}}")
                        .status())
                .isEqualTo(401);
        assertThat(admin.withKey(null).delete(FAULTS).status()).isEqualTo(401);
        assertThat(admin.get(FAULTS).json().path("value")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown effect type            | {"effect":{"type":"explode"}}                                   | effect.type
            no effect                      | {"times":2}                                                      | effect
            no effect type                 | {"effect":{"status":503}}                                        | effect.type
            status outside the list        | {"effect":{"type":"error","status":418}}                         | effect.status
            error without a status         | {"effect":{"type":"error"}}                                      | effect.status
            429 after commit               | {"effect":{"type":"commitThenFail","status":429}}                | effect.status
            drop with a status             | {"effect":{"type":"commitThenFail","status":503,"drop":true}}    | drop
            negative retry-after           | {"effect":{"type":"error","status":429,"retryAfterSeconds":-1}}  | effect.retryAfterSeconds
            negative latency               | {"effect":{"type":"latency","millis":-5}}                        | effect.millis
            latency past the bound         | {"effect":{"type":"latency","millis":600000}}                    | effect.millis
            latency as text                | {"effect":{"type":"latency","millis":"500"}}                     | effect.millis
            negative times                 | {"effect":{"type":"error","status":503},"times":-1}              | times
            zero times                     | {"effect":{"type":"error","status":503},"times":0}               | times
            fractional times               | {"effect":{"type":"error","status":503},"times":1.5}             | times
            negative ttl                   | {"effect":{"type":"error","status":503},"ttlSeconds":-10}        | ttlSeconds
            rate above one                 | {"effect":{"type":"error","status":503},"rate":1.5}              | rate
            rate below zero                | {"effect":{"type":"error","status":503},"rate":-0.1}             | rate
            seed without a rate            | {"effect":{"type":"error","status":503},"seed":42}               | seed
            unknown property               | {"effect":{"type":"error","status":503},"often":true}            | often
            unknown match property         | {"match":{"tenant":"t"},"effect":{"type":"error","status":503}}  | match.tenant
            unknown operation              | {"match":{"operation":"send"},"effect":{"type":"error","status":503}} | match.operation
            match that is not an object    | {"match":"all","effect":{"type":"error","status":503}}           | match
            blank user                     | {"match":{"userId":" "},"effect":{"type":"error","status":503}}  | match.userId
            """)
    void refusesABadRuleWith400AndSetsNothing(String problem, String body, String property) {
        GraphResponse refused = admin.post(FAULTS, body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
        assertThat(refused.errorMessage()).contains("'" + property);
        assertThat(refused.json()
                        .path("error")
                        .path("innerError")
                        .path("request-id")
                        .asText())
                .isNotBlank();
        assertThat(admin.get(FAULTS).json().path("value")).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        GraphResponse refused = admin.post(FAULTS, "not json");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
    }
}
