package io.graphmeet.junit;

import static io.graphmeet.testkit.journal.GraphRequests.anyRequest;
import static io.graphmeet.testkit.journal.GraphRequests.createOrGet;
import static io.graphmeet.testkit.journal.GraphRequests.getMeeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.journal.JournalEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Verification against graphmeet's real request journal, through the admin API. */
@GraphmeetTest
class JournalVerificationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void tellsApartApplicationAndDelegatedCallersForTheSameUser(GraphmeetServer graphmeet, TestTenant tenant)
            throws Exception {
        post(graphmeet, "/v1.0/users/" + tenant.userId(), tenant.appToken().token(), "journal-1");
        post(graphmeet, "/v1.0/me", tenant.userToken().token(), "journal-1");

        JournalEntry asApp = graphmeet
                .verify(createOrGet()
                        .forUser(tenant.userId())
                        .withExternalId("journal-1")
                        .asApplication()
                        .byApp(tenant.appId()))
                .calledOnce();
        JournalEntry asUser = graphmeet
                .verify(createOrGet().forUser(tenant.userId()).asDelegated())
                .calledOnce();

        assertThat(asApp.status()).isEqualTo(201);
        assertThat(asUser.status()).isEqualTo(200);
        assertThat(asUser.meetingId()).isEqualTo(asApp.meetingId()).isNotNull();
        assertThat(asUser.callerUserId()).isEqualTo(tenant.userId());
        graphmeet.verify(getMeeting()).neverCalled();
    }

    @Test
    void aFailureListsTheRealNearMisses(GraphmeetServer graphmeet, TestTenant tenant) throws Exception {
        post(graphmeet, "/v1.0/users/" + tenant.userId(), tenant.appToken().token(), "journal-2");

        assertThatThrownBy(() -> graphmeet
                        .verify(createOrGet().inTenant(tenant.tenantId()).withExternalId("journal-3"))
                        .calledOnce())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but 0 matched among 1 journaled.\nNear misses (closest first):\n  #")
                .hasMessageContaining("createOrGet POST /v1.0/users/" + tenant.userId()
                        + "/onlineMeetings/createOrGet -> 201 (caller application app " + tenant.appId()
                        + ", externalId journal-2)\n      externalId: expected \"journal-3\" but was \"journal-2\"");
    }

    @Test
    void aTenantsJournalHoldsOnlyItsOwnRequestsAndCanBeCleared(GraphmeetServer graphmeet, TestTenant tenant)
            throws Exception {
        TestTenant other = graphmeet.newTenant();
        post(graphmeet, "/v1.0/users/" + other.userId(), other.appToken().token(), "other-tenant");
        post(graphmeet, "/v1.0/users/" + tenant.userId(), tenant.appToken().token(), "this-tenant");

        assertThat(graphmeet.requests(tenant))
                .extracting(JournalEntry::externalId)
                .containsExactly("this-tenant");
        graphmeet.journal().clear(tenant.tenantId());
        graphmeet.verify(anyRequest().inTenant(tenant.tenantId())).neverCalled();
        graphmeet.verify(anyRequest().inTenant(other.tenantId())).calledOnce();
    }

    private static void post(GraphmeetServer graphmeet, String owner, String token, String externalId)
            throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(graphmeet.baseUrl() + owner + "/onlineMeetings/createOrGet"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"" + externalId + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
    }
}
