package io.graphmeet.join;

import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join and meeting-options pages over HTTP: status codes, headers, escaping, the links' spellings, the join
 * base's path, and pages for links that lead to no meeting. What a person sees is {@code JoinPageBrowserTest}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinPagesTest {

    private static final Pattern LOCATIONS = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    private TestServer server;
    private GraphHttp http;
    private String token;

    @BeforeAll
    void start(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .start();
        http = server.http();
        token = server.issuer().delegated(TENANT, MEGAN, WRITE);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesTheJoinPageAsHtmlThatLoadsNothingFromElsewhere() {
        JsonNode meeting = createOrGet(http, token, "Planning");
        GraphResponse page = get(server.baseUrl(), meeting.path("joinWebUrl").asText());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body())
                .contains("<h1>Planning</h1>")
                .doesNotContain("<style")
                .doesNotContain(" style=")
                .doesNotContain("<script>");
        Matcher locations = LOCATIONS.matcher(page.body());
        int count = 0;
        while (locations.find()) {
            assertThat(locations.group(1)).startsWith("/l/graphmeet/");
            GraphResponse asset = get(server.baseUrl(), server.baseUrl() + locations.group(1));
            assertThat(asset.status()).as(locations.group(1)).isEqualTo(200);
            count++;
        }
        assertThat(count).isEqualTo(4);
    }

    @Test
    void servesItsStyleScriptAndIconWithTheirTypes() {
        assertThat(get(server.baseUrl(), server.baseUrl() + "/l/graphmeet/join.css")
                        .header("Content-Type"))
                .startsWith("text/css");
        assertThat(get(server.baseUrl(), server.baseUrl() + "/l/graphmeet/join.js")
                        .header("Content-Type"))
                .startsWith("text/javascript");
        assertThat(get(server.baseUrl(), server.baseUrl() + "/l/graphmeet/icon.svg")
                        .header("Content-Type"))
                .isEqualTo("image/svg+xml");
        assertThat(get(server.baseUrl(), server.baseUrl() + "/l/graphmeet/secret.txt")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void writesTheMeetingsTextAsTextNeverAsMarkup() {
        JsonNode meeting = createOrGet(http, token, "<script>alert('x')</script> & \"friends\"");
        String body = get(server.baseUrl(), meeting.path("joinWebUrl").asText()).body();

        assertThat(body)
                .doesNotContain("<script>alert")
                .doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(")
                .contains("&amp;");
    }

    @Test
    void findsTheMeetingWhateverTheSpellingOfItsLinksEscapes() {
        JsonNode meeting = createOrGet(http, token, "Spellings");
        String link = meeting.path("joinWebUrl").asText();
        String upper = link.replace("%3a", "%3A")
                .replace("%40", "%40")
                .replace("%7b", "%7B")
                .replace("%22", "%22");
        String decodedThread = link.replace("19%3ameeting_", "19:meeting_").replace("%40thread.v2", "@thread.v2");

        assertThat(get(server.baseUrl(), upper).status()).isEqualTo(200);
        assertThat(get(server.baseUrl(), decodedThread).status()).isEqualTo(200);
    }

    @Test
    void servesTheOptionsPageAtTheMeetingOptionsLinkWithOrWithoutItsSlash() {
        JsonNode meeting = createOrGet(http, token, "Options");
        String options = meeting.path("meetingOptionsWebUrl").asText();
        GraphResponse page = get(server.baseUrl(), options);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Meeting options").contains("<h1>Options</h1>");
        Matcher joinLink = Pattern.compile("href=\"(http[^\"]*)\"").matcher(page.body());
        assertThat(joinLink.find()).isTrue();
        assertThat(joinLink.group(1).replace("&#61;", "=").replace("&amp;", "&"))
                .isEqualTo(meeting.path("joinWebUrl").asText());
        assertThat(get(server.baseUrl(), options.replace("/meetingOptions/?", "/meetingOptions?"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void answersALinkToNoMeetingWithA404Page() {
        JsonNode meeting = createOrGet(http, token, "Real");
        String link = meeting.path("joinWebUrl").asText();
        String options = meeting.path("meetingOptionsWebUrl").asText();
        String otherTenant = link.replace(TENANT, Contoso.OTHER_TENANT);
        String[] nowhere = {
            server.baseUrl() + "/l/meetup-join/19%3ameeting_bm9uZQ%40thread.v2/0?context=%7b%22Tid%22%3a%22" + TENANT
                    + "%22%2c%22Oid%22%3a%22" + MEGAN + "%22%7d",
            link.replace("/0?context", "/1?context"),
            link.substring(0, link.indexOf('?')),
            otherTenant,
            server.baseUrl() + "/l/meetup-join/",
            server.baseUrl() + "/l/meetup-join/x/0?context=%7b%7d",
            options.replace("organizerId=" + MEGAN, "organizerId=" + UUID.randomUUID()),
            options.replace("threadId=19_", "threadId=20_"),
            server.baseUrl() + "/meetingOptions/"
        };
        for (String url : nowhere) {
            GraphResponse page = get(server.baseUrl(), url);
            assertThat(page.status()).as(url).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(url).isEqualTo("text/html; charset=utf-8");
            assertThat(page.body()).as(url).contains("<h1>There is no meeting at this link</h1>");
        }
    }

    @Test
    void answersTheLinkOfADeletedMeetingWithA404Page() {
        JsonNode meeting = createOrGet(http, token, "Deleted");
        GraphResponse deleted = http.send(
                http.request("/v1.0/me/onlineMeetings/" + meeting.path("id").asText(), token)
                        .DELETE());
        assertThat(deleted.status()).isEqualTo(204);

        GraphResponse page = get(server.baseUrl(), meeting.path("joinWebUrl").asText());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("There is no meeting at this link");
    }

    @Test
    void answersHeadAsGetWithoutTheBody() {
        JsonNode meeting = createOrGet(http, token, "Checked by a link checker");
        GraphResponse head = http.send(
                HttpRequest.newBuilder(URI.create(meeting.path("joinWebUrl").asText()))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        GraphResponse missing = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/meetingOptions/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(head.body()).isEmpty();
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void answersOtherMethodsWithA405Page() {
        JsonNode meeting = createOrGet(http, token, "Methods");
        GraphResponse post = http.send(
                HttpRequest.newBuilder(URI.create(meeting.path("joinWebUrl").asText()))
                        .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(post.body()).contains("This page can only be viewed");
    }

    @Test
    void answersTheLinkOfAnExpiredMeetingWithA410Page(@TempDir Path scratch) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:15:02Z"));
        try (TestServer expiring = TestServer.on(Backend.EMBEDDED, scratch)
                .clock(clock)
                .bootstrap(Contoso.DIRECTORY)
                .start()) {
            JsonNode meeting = createOrGet(expiring.http(), expiring.issuer().delegated(TENANT, MEGAN, WRITE), "Old");
            String link = meeting.path("joinWebUrl").asText();
            assertThat(get(expiring.baseUrl(), link).status()).isEqualTo(200);

            clock.advance(Duration.ofDays(70));
            GraphResponse page = get(expiring.baseUrl(), link);

            assertThat(page.status()).isEqualTo(410);
            assertThat(page.body())
                    .contains("<h1>This meeting has expired</h1>")
                    .contains("May 2026");
        }
    }

    @Test
    void servesThePagesBelowTheJoinBasesOwnPath(@TempDir Path scratch) {
        try (TestServer proxied = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .setting("GRAPHMEET_MEETINGS_JOIN_BASE_URL", "https://meet.example/teams/")
                .start()) {
            JsonNode meeting = createOrGet(proxied.http(), proxied.issuer().delegated(TENANT, MEGAN, WRITE), "Proxied");
            String link = meeting.path("joinWebUrl").asText();
            assertThat(link).startsWith("https://meet.example/teams/l/meetup-join/");
            URI options = URI.create(meeting.path("meetingOptionsWebUrl").asText());

            GraphResponse page = get(proxied.baseUrl(), link);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Proxied</h1>").contains("href=\"/teams/l/graphmeet/join.css\"");
            assertThat(get(proxied.baseUrl(), proxied.baseUrl() + options.getRawPath() + "?" + options.getRawQuery())
                            .status())
                    .isEqualTo(200);
            assertThat(get(proxied.baseUrl(), proxied.baseUrl() + "/teams/l/graphmeet/join.js")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void readsTheBasePathOfTheJoinBase() {
        assertThat(JoinPages.basePath("http://127.0.0.1:8080")).isEmpty();
        assertThat(JoinPages.basePath("http://127.0.0.1:8080/")).isEmpty();
        assertThat(JoinPages.basePath("https://meet.example/teams//")).isEqualTo("/teams");
    }

    /** GET of a page, sent to {@code baseUrl} whatever host the link names, as a proxy in front of it would. */
    private static GraphResponse get(String baseUrl, String link) {
        URI uri = URI.create(link);
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        GraphHttp target = new GraphHttp(baseUrl);
        return target.send(target.request(pathAndQuery, null).GET());
    }

    private static JsonNode createOrGet(GraphHttp http, String token, String subject) {
        GraphResponse created = http.post(
                "/v1.0/me/onlineMeetings/createOrGet",
                token,
                "{\"externalId\":\""
                        + UUID.randomUUID() + "\",\"subject\":" + json(subject)
                        + ",\"startDateTime\":\"2026-03-20T09:00:00Z\","
                        + "\"endDateTime\":\"2026-03-20T10:00:00Z\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
