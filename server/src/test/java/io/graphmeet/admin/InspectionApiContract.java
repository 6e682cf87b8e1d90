package io.graphmeet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestServer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's request journal and meetings for inspection, on a real server on the backend the subclass names.
 * Most tests work in a tenant of their own (any GUID will do: the directory is not strict), so they share a server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InspectionApiContract {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02Z"));
    TestServer server;
    AdminHttp admin;
    GraphHttp graph;

    abstract Backend backend();

    @BeforeAll
    void startServer(@TempDir Path scratch) {
        server = TestServer.on(backend(), scratch)
                .clock(clock)
                .bootstrap(Contoso.DIRECTORY)
                .start();
        admin = server.admin();
        graph = server.http();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    String delegated(String tenant, String user) {
        return server.issuer().delegated(tenant, user, Contoso.WRITE);
    }

    GraphResponse createOrGet(String token, String body) {
        return graph.post("/v1.0/me/onlineMeetings/createOrGet", token, body);
    }

    JsonNode requests(String tenant, String query) {
        GraphResponse response = admin.get("/admin/v1/tenants/" + tenant + "/requests" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("value");
    }

    // --- the request journal

    @Test
    void journalsACreatedAndAReplayedCreateOrGetWithTheirCallerIdsAndBodies() {
        String externalId = "journal-" + newId();
        String path = "/v1.0/users/" + Contoso.MEGAN + "/onlineMeetings/createOrGet";
        String token = server.issuer().application(Contoso.TENANT, Contoso.BOT_APP, Contoso.WRITE_ALL);
        String body = "{\"externalId\":\"" + externalId + "\",\"subject\":\"Review\"}";
        GraphResponse created = graph.send(graph.request(path, token)
                .header("Content-Type", "application/json")
                .header("client-request-id", "client-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        GraphResponse replayed = graph.post(path, token, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(200);

        JsonNode entries = requests(Contoso.TENANT, "?externalId=" + externalId);

        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0);
        assertThat(first.path("status").asInt()).isEqualTo(201);
        assertThat(entries.get(1).path("status").asInt()).isEqualTo(200);
        assertThat(entries.get(1).path("sequence").asLong())
                .isGreaterThan(first.path("sequence").asLong());
        assertThat(first.path("operation").asText()).isEqualTo("createOrGet");
        assertThat(first.path("method").asText()).isEqualTo("POST");
        assertThat(first.path("path").asText()).isEqualTo(path);
        assertThat(first.path("requestId").asText()).isEqualTo(created.header("request-id"));
        assertThat(first.path("clientRequestId").asText()).isEqualTo("client-1");
        assertThat(first.path("errorCode").isNull()).isTrue();
        assertThat(first.path("latencyMillis").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Instant.parse(first.path("time").asText())).isEqualTo(clock.instant());
        assertThat(first.path("caller").path("type").asText()).isEqualTo("application");
        assertThat(first.path("caller").path("appId").asText()).isEqualTo(Contoso.BOT_APP);
        assertThat(first.path("caller").path("userId").isNull()).isTrue();
        assertThat(first.path("userId").asText()).isEqualTo(Contoso.MEGAN);
        assertThat(first.path("externalId").asText()).isEqualTo(externalId);
        assertThat(first.path("meetingId").asText())
                .isEqualTo(created.json().path("id").asText());
        assertThat(first.path("requestBody").toString()).isEqualTo(body);
        assertThat(first.path("responseBody")).isEqualTo(created.json());
        assertThat(first.path("fault").isNull()).isTrue();
    }

    @Test
    void journalsRefusedRequestsUnderTheTenantTheirTokenNamesButNotRequestsWithoutOne() {
        String tenant = newId();
        String user = newId();
        String other = newId();
        String externalId = "refused-" + newId();
        GraphResponse forbidden = graph.post(
                "/v1.0/users/" + other + "/onlineMeetings/createOrGet",
                delegated(tenant, user),
                "{\"externalId\":\"" + externalId + "\"}");
        String expired = server.issuer()
                .delegated(
                        tenant,
                        user,
                        claims ->
                                claims.expirationTime(Date.from(clock.instant().minus(Duration.ofHours(1)))));
        GraphResponse unauthorized = createOrGet(expired, "{\"externalId\":\"" + externalId + "\"}");
        GraphResponse anonymous = createOrGet(null, "{\"externalId\":\"" + externalId + "\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(anonymous.status()).isEqualTo(401);

        JsonNode entries = requests(tenant, "");

        assertThat(entries).hasSize(2);
        JsonNode refused = entries.get(0);
        assertThat(refused.path("status").asInt()).isEqualTo(403);
        assertThat(refused.path("errorCode").asText()).isEqualTo("Forbidden");
        assertThat(refused.path("caller").path("type").asText()).isEqualTo("delegated");
        assertThat(refused.path("caller").path("userId").asText()).isEqualTo(user);
        assertThat(refused.path("userId").asText()).isEqualTo(other);
        assertThat(refused.path("requestBody").isNull()).isTrue();
        assertThat(refused.path("responseBody").path("error").path("code").asText())
                .isEqualTo("Forbidden");
        JsonNode invalid = entries.get(1);
        assertThat(invalid.path("status").asInt()).isEqualTo(401);
        assertThat(invalid.path("errorCode").asText()).isEqualTo(unauthorized.errorCode());
        assertThat(invalid.path("caller").isNull()).isTrue();
        assertThat(invalid.path("requestId").asText()).isEqualTo(unauthorized.header("request-id"));
    }

    @Test
    void neverKeepsTheTokenTheAuthorizationHeaderOrACredentialInTheBody() {
        String tenant = newId();
        String token = delegated(tenant, newId());
        String bodyToken = server.issuer().application(tenant, newId(), Contoso.WRITE_ALL);
        GraphResponse created = createOrGet(
                token,
                "{\"externalId\":\"secret-1\",\"subject\":\"" + bodyToken + "\","
                        + "\"password\":\"hunter2-never-kept\",\"extra\":{\"client_secret\":\"s3cr3t-never-kept\"}}");
        GraphResponse refused = createOrGet(token + "x", "{\"externalId\":\"secret-2\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(401);

        GraphResponse journal = admin.get("/admin/v1/tenants/" + tenant + "/requests");

        assertThat(journal.json().path("value")).hasSize(2);
        assertThat(journal.body())
                .doesNotContain(token, bodyToken, "hunter2-never-kept", "s3cr3t-never-kept", "Bearer", "Authorization");
        JsonNode kept = journal.json().path("value").get(0).path("requestBody");
        assertThat(kept.path("externalId").asText()).isEqualTo("secret-1");
        assertThat(kept.path("password").asText()).isEqualTo("[redacted]");
        assertThat(kept.path("subject").asText()).isEqualTo("[redacted]");
        assertThat(kept.path("extra").path("client_secret").asText()).isEqualTo("[redacted]");
    }

    @Test
    void filtersByOperationStatusAndExternalIdAndPollsAfterASequence() {
        String tenant = newId();
        String token = delegated(tenant, newId());
        GraphResponse a = createOrGet(token, "{\"externalId\":\"a\"}");
        createOrGet(token, "{\"externalId\":\"a\"}");
        createOrGet(token, "{\"externalId\":\"b\"}");
        GraphResponse read = graph.send(
                graph.request("/v1.0/me/onlineMeetings/" + a.json().path("id").asText(), token)
                        .GET());
        assertThat(read.status()).isEqualTo(200);

        assertThat(field(requests(tenant, "?operation=createOrGet&externalId=a"), "status"))
                .containsExactly("201", "200");
        assertThat(field(requests(tenant, "?status=201"), "externalId")).containsExactly("a", "b");
        JsonNode gets = requests(tenant, "?operation=get");
        assertThat(gets).hasSize(1);
        assertThat(gets.get(0).path("externalId").asText()).isEqualTo("a");
        assertThat(gets.get(0).path("meetingId").asText())
                .isEqualTo(a.json().path("id").asText());
        JsonNode all = requests(tenant, "");
        assertThat(all).hasSize(4);
        long second = all.get(1).path("sequence").asLong();
        assertThat(field(requests(tenant, "?after=" + second), "operation")).containsExactly("createOrGet", "get");
        assertThat(field(requests(tenant, "?after=" + second + "&top=1"), "operation"))
                .containsExactly("createOrGet");
        assertThat(field(requests(tenant, "?top=1"), "operation")).containsExactly("get");
        assertThat(requests(tenant, "?after=" + all.get(3).path("sequence").asLong()))
                .isEmpty();

        createOrGet(token, "{\"externalId\":\"c\"}");
        assertThat(field(
                        requests(tenant, "?after=" + all.get(3).path("sequence").asLong()), "externalId"))
                .containsExactly("c");
    }

    @Test
    void deleteTenantResetAndTenantDeletionClearTheJournal() {
        String tenant = newId();
        String token = delegated(tenant, newId());
        createOrGet(token, "{\"externalId\":\"a\"}");
        assertThat(requests(tenant, "")).hasSize(1);

        assertThat(admin.delete("/admin/v1/tenants/" + tenant + "/requests").status())
                .isEqualTo(204);
        assertThat(requests(tenant, "")).isEmpty();

        createOrGet(token, "{\"externalId\":\"b\"}");
        assertThat(admin.post("/admin/v1/tenants/" + tenant + "/reset", null).status())
                .isEqualTo(200);
        assertThat(requests(tenant, "")).isEmpty();

        assertThat(admin.post("/admin/v1/tenants", "{\"id\":\"" + tenant + "\"}")
                        .status())
                .isEqualTo(201);
        createOrGet(token, "{\"externalId\":\"c\"}");
        assertThat(requests(tenant, "")).hasSize(1);
        assertThat(admin.delete("/admin/v1/tenants/" + tenant).status()).isEqualTo(204);
        assertThat(requests(tenant, "")).isEmpty();
    }

    @Test
    void refusesBadJournalQueriesWith400() {
        String base = "/admin/v1/tenants/" + newId() + "/requests";
        for (String query : List.of(
                "?status=abc", "?status=99", "?after=-1", "?top=0", "?operation=nope", "?colour=red", "?externalId=")) {
            GraphResponse response = admin.get(base + query);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
            assertThat(response.errorCode()).as(query).isEqualTo("BadRequest");
        }
        assertThat(admin.get("/admin/v1/tenants/not-a-guid/requests").status()).isEqualTo(400);
        assertThat(admin.withKey(null).get(base).status()).isEqualTo(401);
    }

    // --- meetings for inspection

    private String meeting(String token, String externalId, String start) {
        GraphResponse created = createOrGet(
                token,
                "{\"externalId\":\"" + externalId + "\",\"startDateTime\":\"" + start
                        + "\",\"endDateTime\":\"2026-12-31T00:00:00Z\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** The top-level {@code name} of each of {@code values}, as text. */
    static List<String> field(JsonNode values, String name) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.path(name).asText()));
        return texts;
    }

    static List<String> ids(JsonNode meetings) {
        List<String> ids = new ArrayList<>();
        meetings.forEach(meeting -> ids.add(meeting.path("id").asText()));
        return ids;
    }

    JsonNode meetings(String tenant, String query) {
        GraphResponse response = admin.get("/admin/v1/tenants/" + tenant + "/meetings" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void searchesATenantsMeetingsByOrganizerExternalIdAndStartTimeOrderedByStart() {
        String tenant = newId();
        String ann = newId();
        String bob = newId();
        String annToken = delegated(tenant, ann);
        String bobToken = delegated(tenant, bob);
        // stored with 0, 1 and 7 fraction digits: compared as times, not as text
        String third = meeting(annToken, "a-3", "2026-04-01T10:00:00.5Z");
        String first = meeting(bobToken, "b-1", "2026-04-01T10:00:00Z");
        String second = meeting(annToken, "a-2", "2026-04-01T10:00:00.1000000Z");
        String fourth = meeting(bobToken, "b-4", "2026-04-02T09:00:00+02:00");
        meeting(delegated(newId(), ann), "elsewhere", "2026-04-01T10:00:00Z");

        assertThat(ids(meetings(tenant, "").path("value"))).containsExactly(first, second, third, fourth);
        assertThat(ids(meetings(tenant, "?organizer=" + ann.toUpperCase()).path("value")))
                .containsExactly(second, third);
        assertThat(ids(meetings(tenant, "?externalId=b-4").path("value"))).containsExactly(fourth);
        assertThat(ids(meetings(tenant, "?startFrom=2026-04-01T10:00:00.1Z&startTo=2026-04-01T10:00:00.5Z")
                        .path("value")))
                .containsExactly(second);
        assertThat(ids(meetings(tenant, "?startFrom=2026-04-01T12:00:00%2B05:00")
                        .path("value")))
                .containsExactly(first, second, third, fourth);
        assertThat(ids(meetings(tenant, "?organizer=" + bob + "&startFrom=2026-04-02T00:00:00Z")
                        .path("value")))
                .containsExactly(fourth);
        JsonNode shown = meetings(tenant, "?externalId=a-3").path("value").get(0);
        assertThat(shown.path("externalId").asText()).isEqualTo("a-3");
        assertThat(shown.path("participants")
                        .path("organizer")
                        .path("identity")
                        .path("user")
                        .path("id")
                        .asText())
                .isEqualTo(ann);
        assertThat(shown.has("@odata.context")).isFalse();
    }

    @Test
    void findsAMeetingByItsJoinLinkHoweverItIsEscapedAndByTheOrganizersUpn() {
        String externalId = "link-" + newId();
        String token = delegated(Contoso.TENANT, Contoso.MEGAN);
        String id = meeting(token, externalId, "2026-04-01T10:00:00Z");
        String joinWebUrl = meetings(Contoso.TENANT, "?externalId=" + externalId)
                .path("value")
                .get(0)
                .path("joinWebUrl")
                .asText();
        String base = "/admin/v1/tenants/" + Contoso.TENANT + "/meetings?joinWebUrl=";

        for (String link : List.of(
                joinWebUrl,
                URLDecoder.decode(joinWebUrl, StandardCharsets.UTF_8),
                Pattern.compile("%[0-9a-f]{2}")
                        .matcher(joinWebUrl)
                        .replaceAll(escape -> escape.group().toUpperCase()))) {
            GraphResponse found = admin.get(base + URLEncoder.encode(link, StandardCharsets.UTF_8));
            assertThat(ids(found.json().path("value"))).as(link).containsExactly(id);
        }
        assertThat(admin.get(base
                                + URLEncoder.encode(
                                        URLEncoder.encode(joinWebUrl, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                        .json()
                        .path("value"))
                .as("escaped twice")
                .isEmpty();
        assertThat(admin.get(base + "https%3A%2F%2Fexample.com%2Fnot-a-join-link")
                        .json()
                        .path("value"))
                .isEmpty();
        assertThat(ids(meetings(Contoso.TENANT, "?organizer=MEGAN@contoso.com&externalId=" + externalId)
                        .path("value")))
                .containsExactly(id);
        assertThat(meetings(Contoso.TENANT, "?organizer=adele@contoso.com&externalId=" + externalId)
                        .path("value"))
                .isEmpty();
    }

    @Test
    void pagesWithTopSkipAndANextLinkUntilTheLastPage() {
        String tenant = newId();
        String token = delegated(tenant, newId());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(meeting(token, "page-" + i, "2026-05-0" + (i + 1) + "T08:00:00Z"));
        }

        List<String> seen = new ArrayList<>();
        String next = "/admin/v1/tenants/" + tenant + "/meetings?top=2";
        int pages = 0;
        while (next != null) {
            GraphResponse page = admin.get(next);
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(ids(page.json().path("value")));
            pages++;
            JsonNode link = page.json().path("@odata.nextLink");
            if (link.isMissingNode()) {
                next = null;
            } else {
                assertThat(link.asText()).startsWith(server.adminUrl() + "/admin/v1/tenants/" + tenant + "/meetings?");
                next = link.asText().substring(server.adminUrl().length());
            }
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(ids(meetings(tenant, "?skip=4&top=2").path("value"))).containsExactly(ids.get(4));
        assertThat(meetings(tenant, "?skip=5").path("value")).isEmpty();
    }

    @Test
    void aMeetingDeletedThroughTheAdminApiIsGoneForGraphAndItsExternalIdIsFree() {
        String tenant = newId();
        String token = delegated(tenant, newId());
        String id = meeting(token, "doomed", "2026-04-01T10:00:00Z");
        String meetingPath = "/admin/v1/tenants/" + tenant + "/meetings/" + id;

        assertThat(admin.delete(meetingPath).status()).isEqualTo(204);

        GraphResponse read =
                graph.send(graph.request("/v1.0/me/onlineMeetings/" + id, token).GET());
        assertThat(read.status()).isEqualTo(404);
        GraphResponse again = admin.delete(meetingPath);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("NotFound");
        assertThat(admin.delete("/admin/v1/tenants/" + newId() + "/meetings/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(meetings(tenant, "").path("value")).isEmpty();
        GraphResponse recreated = createOrGet(token, "{\"externalId\":\"doomed\"}");
        assertThat(recreated.status()).isEqualTo(201);
        assertThat(recreated.json().path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void refusesBadMeetingQueriesWith400() {
        String base = "/admin/v1/tenants/" + newId() + "/meetings";
        for (String query : List.of(
                "?startFrom=yesterday",
                "?startTo=2026-04-01T10:00:00",
                "?top=0",
                "?top=1001",
                "?skip=-1",
                "?skip=x",
                "?organizer=bob",
                "?colour=red",
                "?startFrom=10000-01-01T00:00:00Z",
                "?joinWebUrl=" + "x".repeat(2049))) {
            GraphResponse response = admin.get(base + query);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
            assertThat(response.errorCode()).as(query).isEqualTo("BadRequest");
        }
        assertThat(admin.get("/admin/v1/tenants/not-a-guid/meetings").status()).isEqualTo(400);
        assertThat(admin.send("POST", base, "{}").status()).isEqualTo(405);
    }
}
