package io.graphmeet.api;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.GraphResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2 "exactly one meeting per key" and "a 201 is durable", against every backend. */
abstract class ExactlyOnceContract extends ServerContract {

    private static final int CALLERS = 64;

    @Test
    void sixtyFourSimultaneousCallsWithOneKeyCreateExactlyOneMeeting() throws Exception {
        String externalId = uniqueId();
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);

        List<GraphResponse> responses =
                simultaneously(CALLERS, i -> http.post(usersPath(MEGAN), token, body(externalId)));

        assertThat(responses).extracting(GraphResponse::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .extracting(r -> r.json().path("id").asText())
                .containsOnly(responses.getFirst().json().path("id").asText());
    }

    @Test
    void simultaneousCallsWithDistinctKeysAreEachCreatedOnce() throws Exception {
        String prefix = uniqueId();
        String token = issuer.application(TENANT, BOT_APP, WRITE_ALL);

        List<GraphResponse> first =
                simultaneously(CALLERS * 2, i -> http.post(usersPath(MEGAN), token, body(prefix + i)));
        List<GraphResponse> again =
                simultaneously(CALLERS * 2, i -> http.post(usersPath(MEGAN), token, body(prefix + i)));

        assertThat(first).extracting(GraphResponse::status).containsOnly(201);
        assertThat(again).extracting(GraphResponse::status).containsOnly(200);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).json().path("id"))
                    .isEqualTo(first.get(i).json().path("id"));
        }
        assertThat(first).extracting(r -> r.json().path("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aMeetingSurvivesARestartUnchanged() {
        String externalId = uniqueId();
        GraphResponse created = asMegan("""
                {"externalId":"%s","subject":"Durable","startDateTime":"2026-07-01T10:00:00.1234567Z",
                 "participants":{"attendees":[{"identity":{"user":{"id":"%s"}},"upn":"x@y.z"}]}}""".formatted(externalId, "6a6a6a6a-0000-4000-8000-000000000002"));

        server.restart();
        http = server.http();
        GraphResponse replayed = asMegan(body(externalId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(withoutServerAddress(replayed)).isEqualTo(withoutServerAddress(created));
    }

    /**
     * Planted bug: a replay answered with the request's subject instead of the stored one passed every test that
     * replays on a running server, whose rendered-body cache still held the right bytes; after a restart the
     * body is rendered afresh and shows it (verified by hand, then reverted).
     */
    @Test
    void aReplayAfterARestartReturnsTheStoredValuesNotTheRequests() {
        String externalId = uniqueId();
        GraphResponse created = asMegan("""
                {"externalId":"%s","subject":"Stored","startDateTime":"2026-07-01T10:00:00Z",
                 "endDateTime":"2026-07-01T10:30:00Z"}""".formatted(externalId));

        server.restart();
        http = server.http();
        GraphResponse replayed = asMegan("""
                {"externalId":"%s","subject":"Requested","startDateTime":"2026-08-01T10:00:00Z",
                 "participants":{"attendees":[{"identity":{"user":{"id":"%s"}}}]}}""".formatted(externalId, "6a6a6a6a-0000-4000-8000-000000000003"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("subject").asText()).isEqualTo("Stored");
        assertThat(replayed.json().path("startDateTime").asText()).isEqualTo("2026-07-01T10:00:00Z");
        assertThat(replayed.json().path("endDateTime").asText()).isEqualTo("2026-07-01T10:30:00Z");
        assertThat(replayed.json().path("participants").path("attendees")).isEmpty();
        assertThat(withoutServerAddress(replayed)).isEqualTo(withoutServerAddress(created));
    }

    private String withoutServerAddress(GraphResponse response) {
        return response.body().replaceAll("(?i)127\\.0\\.0\\.1(:|%3a)\\d+", "BASE");
    }
}
