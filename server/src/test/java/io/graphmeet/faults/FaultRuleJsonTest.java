package io.graphmeet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.observe.GraphOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's written form: read as the admin API and the seed file take it, shown as the admin API answers it. */
class FaultRuleJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEveryPartOfARule() throws Exception {
        FaultRule rule = FaultRuleJson.read(JSON.readTree("""
                {"match":{"operation":"createOrGet","tenantId":"t","appId":"a","userId":"u"},
                 "effect":{"type":"error","status":429,"retryAfterSeconds":3},
                 "times":4,"rate":0.25,"seed":42,"ttlSeconds":600}"""));

        assertThat(rule)
                .isEqualTo(new FaultRule(
                        new FaultMatch(GraphOperation.CREATE_OR_GET, "t", "a", "u"),
                        new FaultEffect.Error(429, 3),
                        4,
                        0.25,
                        42L,
                        Duration.ofMinutes(10)));
    }

    @Test
    void readsEachEffectWithItsDefaults() throws Exception {
        assertThat(effect("{\"type\":\"error\",\"status\":429}")).isEqualTo(new FaultEffect.Error(429, 5));
        assertThat(effect("{\"type\":\"error\",\"status\":504}")).isEqualTo(new FaultEffect.Error(504, null));
        assertThat(effect("{\"type\":\"latency\",\"millis\":250}")).isEqualTo(new FaultEffect.Latency(250));
        assertThat(effect("{\"type\":\"commitThenFail\"}")).isEqualTo(new FaultEffect.CommitThenFail(503, false));
        assertThat(effect("{\"type\":\"commitThenFail\",\"status\":504}"))
                .isEqualTo(new FaultEffect.CommitThenFail(504, false));
        assertThat(effect("{\"type\":\"commitThenFail\",\"drop\":true}"))
                .isEqualTo(new FaultEffect.CommitThenFail(null, true));
    }

    @Test
    void showsWhatWasReadPlusItsStandingAndReadsBackTheSame() throws Exception {
        FaultRule rule = new FaultRule(
                new FaultMatch(GraphOperation.UPDATE, null, "a", null),
                new FaultEffect.CommitThenFail(null, true),
                2,
                null,
                null,
                Duration.ofSeconds(30));
        ActiveFault standing = new ActiveFault("rule-1", rule, 1, Instant.parse("2026-11-30T10:00:30Z"));

        ObjectNode shown = (ObjectNode) JSON.readTree(JSON.writeValueAsString(FaultRuleJson.view(standing)));

        assertThat(shown).isEqualTo(JSON.readTree("""
                {"id":"rule-1","match":{"operation":"update","appId":"a"},
                 "effect":{"type":"commitThenFail","drop":true},"times":2,"ttlSeconds":30,"remaining":1,
                 "expiresAt":"2026-11-30T10:00:30Z"}"""));
        shown.remove(List.of("id", "remaining", "expiresAt"));
        assertThat(FaultRuleJson.read(shown)).isEqualTo(rule);
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> FaultRuleJson.read(JSON.readTree("[1]")))
                .isInstanceOf(InvalidFaultRuleException.class)
                .hasMessage("A fault rule must be an object.");
    }

    @Test
    void namesTheNestedPropertyThatIsWrong() {
        assertThatThrownBy(() -> effect("{\"type\":\"error\",\"status\":\"429\"}"))
                .isInstanceOf(InvalidFaultRuleException.class)
                .hasMessage("Property 'effect.status' must be a whole number, was \"429\".");
        assertThatThrownBy(() -> effect("{\"type\":\"latency\",\"millis\":5,\"status\":500}"))
                .isInstanceOf(InvalidFaultRuleException.class)
                .hasMessageStartingWith("Unknown property 'effect.status'");
    }

    private static FaultEffect effect(String effect) throws Exception {
        return FaultRuleJson.read(JSON.readTree("{\"effect\":" + effect + "}")).effect();
    }
}
