package io.graphmeet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.Graphmeet;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.GraphHttp;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.MutableClock;
import io.graphmeet.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's sign-in over plain HTTP against a real server: the admin key or the one-time link opens a session
 * whose cookie is strict, whose changes need the CSRF token, and which ends at its lifetime or at sign-out. Time
 * moves on a {@link MutableClock}.
 */
class ConsoleSessionTest {

    private static final Pattern LINK =
            Pattern.compile("console: sign in once with (http://\\S+/console/signin\\?token=\\S+)");
    private static final String TENANT = "{\"displayName\":\"Fabrikam\"}";

    @TempDir
    Path scratch;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger graphmeetLog = Logger.getLogger(Graphmeet.class.getName());
    private TestServer server;
    private GraphHttp admin;

    @BeforeEach
    void start() {
        graphmeetLog.addHandler(logCapture);
        server = TestServer.on(Backend.EMBEDDED, scratch).clock(clock).start();
        admin = new GraphHttp(server.adminUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        graphmeetLog.removeHandler(logCapture);
    }

    @Test
    void signingInWithTheAdminKeyGivesAStrictHttpOnlySessionCookieBoundedByTheSessionLifetime() {
        GraphResponse signedIn = signIn(TestServer.ADMIN_KEY);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/console/");
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie)
                .startsWith(ConsoleSessions.COOKIE + "=")
                .contains(
                        "; HttpOnly",
                        "; SameSite=Strict",
                        "; Path=/",
                        "; Max-Age=" + ConsoleSessions.SESSION_LIFETIME.toSeconds())
                .doesNotContain("Secure");
        assertThat(signedIn.header("Content-Security-Policy")).isEqualTo(ConsolePages.CONTENT_SECURITY_POLICY);
    }

    @Test
    void theSessionCookieIsSecureWhenTheConsoleIsServedOverTls() {
        assertThat(SessionCookie.set("abc", Duration.ofHours(1), true)).endsWith("; Secure");
        assertThat(SessionCookie.clear(true)).contains("Max-Age=0").endsWith("; Secure");
    }

    @Test
    void aWrongKeyOpensNoSession() {
        GraphResponse refused = signIn("not-the-key");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.body()).contains("That is not the admin key.");
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        for (String origin :
                List.of("http://evil.example", "null", admin.baseUrl().replace("http:", "https:"))) {
            GraphResponse refused = admin.send(admin.request("/console/signin", null)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString("key=" + TestServer.ADMIN_KEY)));

            assertThat(refused.status()).as(origin).isEqualTo(403);
            assertThat(refused.header("Set-Cookie")).as(origin).isNull();
        }
    }

    @Test
    void theProductionProfilePrintsNoSignInLink() {
        logLines.clear();
        try (TestServer production = TestServer.on(Backend.EMBEDDED, scratch)
                .clock(clock)
                .setting("GRAPHMEET_PROFILE", "production")
                .start()) {
            assertThat(production.admin().get("/admin/v1/tenants").status()).isEqualTo(200);
            assertThat(String.join("\n", logLines)).doesNotContain("console: sign in");
            assertThat(signInLink()).isNull();
        }
    }

    @Test
    void theSessionReadsTheAdminApiButChangesItOnlyWithItsCsrfToken() {
        String cookie = cookieOf(signIn(TestServer.ADMIN_KEY));
        String csrf = csrfToken(cookie);

        assertThat(withCookie("GET", "/admin/v1/tenants", cookie, null, null).status())
                .isEqualTo(200);
        GraphResponse withoutToken = withCookie("POST", "/admin/v1/tenants", cookie, null, TENANT);
        GraphResponse wrongToken = withCookie("POST", "/admin/v1/tenants", cookie, csrf + "x", TENANT);
        GraphResponse deleteWithout = withCookie("DELETE", "/admin/v1/faults", cookie, null, null);

        for (GraphResponse refused : List.of(withoutToken, wrongToken, deleteWithout)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("Forbidden");
            assertThat(refused.errorMessage()).contains("X-CSRF-Token");
            assertThat(refused.json().at("/error/innerError/request-id").asText())
                    .isNotEmpty();
        }
        assertThat(server.admin().get("/admin/v1/tenants").json().get("value").toString())
                .doesNotContain("Fabrikam");

        GraphResponse created = withCookie("POST", "/admin/v1/tenants", cookie, csrf, TENANT);
        assertThat(created.status()).isEqualTo(201);
        assertThat(server.admin().get("/admin/v1/tenants").json().get("value").toString())
                .contains("Fabrikam");
    }

    @Test
    void aCsrfTokenWithoutTheSessionCookieIsNoCredential() {
        String csrf = csrfToken(cookieOf(signIn(TestServer.ADMIN_KEY)));

        GraphResponse refused = withCookie("POST", "/admin/v1/tenants", null, csrf, TENANT);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("Unauthorized");
    }

    @Test
    void theOneTimeLinkInTheStartUpLogSignsInOnceOnly() {
        String link = signInLink();
        assertThat(link).as("the start-up log's sign-in link").isNotNull();

        GraphResponse first = get(link, null);
        GraphResponse second = get(link, null);

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.header("Location")).isEqualTo("/console/");
        String cookie = cookieOf(first);
        assertThat(withCookie("GET", "/admin/v1/tenants", cookie, null, null).status())
                .isEqualTo(200);
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.header("Set-Cookie")).isNull();
        assertThat(second.body()).contains("unknown, used or expired");
    }

    @Test
    void theOneTimeLinkExpires() {
        String link = signInLink();
        assertThat(link).as("the start-up log's sign-in link").isNotNull();

        clock.advance(ConsoleSessions.LINK_LIFETIME.plusSeconds(1));
        GraphResponse late = get(link, null);

        assertThat(late.status()).isEqualTo(401);
        assertThat(late.header("Set-Cookie")).isNull();
    }

    @Test
    void theOneTimeLinkStillWorksJustBeforeItExpires() {
        String link = signInLink();
        assertThat(link).as("the start-up log's sign-in link").isNotNull();

        clock.advance(ConsoleSessions.LINK_LIFETIME.minusSeconds(1));

        assertThat(get(link, null).status()).isEqualTo(303);
    }

    @Test
    void aSessionEndsAtItsLifetime() {
        String cookie = cookieOf(signIn(TestServer.ADMIN_KEY));
        clock.advance(ConsoleSessions.SESSION_LIFETIME.minusSeconds(1));
        assertThat(withCookie("GET", "/admin/v1/tenants", cookie, null, null).status())
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));

        assertThat(withCookie("GET", "/admin/v1/tenants", cookie, null, null).status())
                .isEqualTo(401);
        assertThat(get(admin.baseUrl() + "/console/session", cookie).status()).isEqualTo(401);
        GraphResponse page = get(admin.baseUrl() + "/console/", cookie);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/console/signin");
    }

    @Test
    void signingOutEndsTheSessionAndNeedsTheCsrfToken() {
        String cookie = cookieOf(signIn(TestServer.ADMIN_KEY));
        String csrf = csrfToken(cookie);

        GraphResponse forged = withCookie("POST", "/console/signout", cookie, null, null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(withCookie("GET", "/admin/v1/tenants", cookie, null, null).status())
                .isEqualTo(200);

        GraphResponse signedOut = withCookie("POST", "/console/signout", cookie, csrf, null);

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(signedOut.header("Set-Cookie"))
                .startsWith(ConsoleSessions.COOKIE + "=;")
                .contains("Max-Age=0");
        assertThat(withCookie("GET", "/admin/v1/tenants", cookie, null, null).status())
                .isEqualTo(401);
    }

    @Test
    void theConsoleIsServedOnlyToASessionUnderAStrictContentSecurityPolicy() {
        GraphResponse anonymous = get(admin.baseUrl() + "/console/", null);
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/console/signin");
        GraphResponse form = get(admin.baseUrl() + "/console/signin", null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"key\">Admin key</label>").doesNotContain("{{message}}");

        String cookie = cookieOf(signIn(TestServer.ADMIN_KEY));
        GraphResponse page = get(admin.baseUrl() + "/console/", cookie);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body()).doesNotContain("<script>", "style=", "http://", "https://");
        GraphResponse script = get(admin.baseUrl() + "/console/assets/console.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(get(admin.baseUrl() + "/console/assets/index.html", null).status())
                .isEqualTo(404);
        assertThat(get(admin.baseUrl() + "/console/assets/..%2Fsignin.html", null)
                        .status())
                .isEqualTo(404);
        assertThat(get(admin.baseUrl() + "/console/nowhere", null).status()).isEqualTo(404);
    }

    private GraphResponse signIn(String key) {
        return admin.send(admin.request("/console/signin", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", admin.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key)));
    }

    /** The last sign-in link the log printed, or null. */
    private String signInLink() {
        return logLines.stream()
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .reduce((first, last) -> last)
                .orElse(null);
    }

    private static String cookieOf(GraphResponse signedIn) {
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).as("Set-Cookie").isNotNull();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String csrfToken(String cookie) {
        GraphResponse session = get(admin.baseUrl() + "/console/session", cookie);
        assertThat(session.status()).isEqualTo(200);
        return session.json().get("csrfToken").asText();
    }

    private GraphResponse get(String url, String cookie) {
        HttpRequest.Builder request =
                admin.request(url.substring(admin.baseUrl().length()), null).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return admin.send(request);
    }

    private GraphResponse withCookie(String method, String path, String cookie, String csrf, String json) {
        HttpRequest.Builder request = admin.request(path, null);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (json == null) {
            return admin.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return admin.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
