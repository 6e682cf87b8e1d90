package io.graphmeet.testkit.journal;

import static io.graphmeet.testkit.journal.GraphRequests.createOrGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting journal entries against a pattern, and the failure message with its near misses. */
class VerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JournalEntry> journal = new ArrayList<>();

    @Test
    void countsOnlyEntriesMeetingEveryCondition() {
        journal.add(entry(1, "createOrGet", "u1", "x", 201));
        journal.add(entry(2, "createOrGet", "u1", "y", 201));
        journal.add(entry(3, "get", "u1", null, 200));
        journal.add(entry(4, "createOrGet", "u2", "x", 201));

        assertThat(verify(createOrGet().forUser("u1").withExternalId("x"))
                        .calledOnce()
                        .sequence())
                .isEqualTo(1);
        assertThat(verify(createOrGet().forUser("u1")).calledTimes(2))
                .extracting(JournalEntry::sequence)
                .containsExactly(1L, 2L);
        assertThat(verify(GraphRequests.anyRequest()).calledAtLeast(4)).hasSize(4);
        verify(createOrGet().withStatus(500)).neverCalled();
    }

    @Test
    void tooManyFailsAtOnceListingTheMatches() {
        journal.add(entry(1, "createOrGet", "u1", "x", 201));
        journal.add(entry(2, "createOrGet", "u1", "x", 200));

        int[] reads = {0};
        Verification verification = new Verification(createOrGet().forUser("u1").withExternalId("x"), () -> {
            reads[0]++;
            return List.copyOf(journal);
        });

        assertThatThrownBy(() -> verification.calledTimes(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected exactly 1 request(s) matching operation \"createOrGet\", "
                        + "user \"u1\", externalId \"x\", but 2 matched among 2 journaled.\nMatching:\n"
                        + "  #1 createOrGet POST /v1.0/users/u1/onlineMeetings/createOrGet -> 201");
        assertThat(reads[0])
                .as("read once: more entries cannot make too many fewer")
                .isEqualTo(1);
    }

    @Test
    void tooFewListsTheNearMissesClosestFirstWithWhatDiffered() {
        journal.add(entry(1, "get", "u2", null, 200));
        journal.add(entry(2, "createOrGet", "u1", "other", 201));
        journal.add(entry(3, "createOrGet", "u2", "wanted", 429));

        assertThatThrownBy(() -> verify(createOrGet().forUser("u1").withExternalId("wanted"))
                        .calledTimes(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expected exactly 1 request(s) matching operation "createOrGet", user "u1", externalId \
                        "wanted", but 0 matched among 3 journaled.
                        Near misses (closest first):
                          #3 createOrGet POST /v1.0/users/u2/onlineMeetings/createOrGet -> 429 (caller application \
                        app a1, externalId wanted)
                              user: expected "u1" but was "u2"
                          #2 createOrGet POST /v1.0/users/u1/onlineMeetings/createOrGet -> 201 (caller application \
                        app a1, externalId other)
                              externalId: expected "wanted" but was "other"
                          #1 get POST /v1.0/users/u2/onlineMeetings/createOrGet -> 200 (caller application app a1)
                              operation: expected "createOrGet" but was "get"; user: expected "u1" but was "u2"; \
                        externalId: expected "wanted" but was null""");
    }

    @Test
    void anEmptyJournalSaysSo() {
        assertThatThrownBy(() -> verify(createOrGet()).calledOnce())
                .hasMessageEndingWith("No near misses: no other request was journaled.");
    }

    @Test
    void aCountStillShortIsReadAgainUntilTheLateEntryArrives() {
        List<JournalEntry> arriving = new ArrayList<>();
        int[] reads = {0};
        Verification verification = new Verification(createOrGet(), () -> {
            if (++reads[0] == 3) {
                arriving.add(entry(1, "createOrGet", "u1", "late", 201));
            }
            return List.copyOf(arriving);
        });

        assertThat(verification.calledOnce().externalId()).isEqualTo("late");
        assertThat(reads[0]).isEqualTo(3);
    }

    @Test
    void readsTheJournalsWireShape() throws Exception {
        JournalEntry entry = JournalEntry.of(JSON.readTree("""
                {"sequence":12,"time":"2026-11-30T10:00:00.123Z","requestId":"r1","clientRequestId":null,
                 "operation":"createOrGet","method":"POST","path":"/v1.0/users/u1/onlineMeetings/createOrGet",
                 "status":503,"errorCode":"ServiceUnavailable","latencyMillis":12.3,
                 "caller":{"type":"delegated","appId":"a1","userId":"u1"},"userId":"u1","externalId":"x",
                 "meetingId":"m1","requestBody":{"externalId":"x"},"responseBody":null,
                 "fault":{"ruleId":"f1","effect":"committed, then answered 503"}}"""));

        assertThat(entry)
                .extracting(
                        JournalEntry::sequence,
                        JournalEntry::clientRequestId,
                        JournalEntry::status,
                        JournalEntry::errorCode,
                        JournalEntry::callerType,
                        JournalEntry::callerUserId,
                        JournalEntry::meetingId,
                        JournalEntry::faultRuleId,
                        JournalEntry::responseBody)
                .containsExactly(12L, null, 503, "ServiceUnavailable", "delegated", "u1", "m1", "f1", null);
        assertThat(entry.requestBody().path("externalId").asText()).isEqualTo("x");
        assertThat(createOrGet().asDelegated().withFault(null).matches(entry)).isTrue();
        assertThat(createOrGet().asApplication().matches(entry)).isFalse();
    }

    /** A verification that reads the journal once: what these tests count is already all there. */
    private Verification verify(RequestPattern pattern) {
        return new Verification(pattern, () -> List.copyOf(journal), Duration.ZERO);
    }

    private static JournalEntry entry(long sequence, String operation, String userId, String externalId, int status) {
        return new JournalEntry(
                sequence,
                "2026-11-30T10:00:0" + sequence + "Z",
                "r" + sequence,
                null,
                operation,
                "POST",
                "/v1.0/users/" + userId + "/onlineMeetings/createOrGet",
                status,
                null,
                1.0,
                "application",
                "a1",
                null,
                userId,
                externalId,
                null,
                null,
                null,
                null,
                null);
    }
}
