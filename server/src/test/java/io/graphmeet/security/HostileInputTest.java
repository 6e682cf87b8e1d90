package io.graphmeet.security;

import static io.graphmeet.testing.Contoso.BOT_APP;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.OTHER_TENANT;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static io.graphmeet.testing.Contoso.WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.demo.DemoDirectory;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 8 proof: generated hostile requests on every route family of a running server — the Graph API, the
 * built-in issuer and the admin API — with random methods, paths, query strings, headers and bodies. Every answer
 * is a success or a well-formed error of its surface, never a 5xx or a hang (each request has a 10 s limit), and a
 * request that is refused stores nothing: SQLite's {@code data_version}, read on a connection of the test's own,
 * moves only when another connection commits.
 */
class HostileInputTest {

    static final int GRAPH_TRIES = 5_000;
    static final int ISSUER_TRIES = 2_500;
    static final int ADMIN_TRIES = 2_500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger RESENT = new AtomicInteger();

    private static Path scratch;
    private static TestServer server;
    private static Connection store;
    private static List<String> tokens;
    private static String meetingId;

    @BeforeContainer
    static void start() throws Exception {
        scratch = Files.createTempDirectory("graphmeet-hostile");
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .start();
        String megan = server.issuer().delegated(TENANT, MEGAN, WRITE);
        meetingId = server.http()
                .post(
                        "/v1.0/me/onlineMeetings/createOrGet",
                        megan,
                        "{\"externalId\":\"hostile-target\",\"subject\":\"target\"}")
                .json()
                .path("id")
                .asText();
        // the issuer's signing key is created on first use: use it now, so later reads see a quiet store
        server.tokens().clientCredentials(DemoDirectory.TENANT_ID, DemoDirectory.APP_ID, DemoDirectory.APP_SECRET);
        tokens = List.of(
                megan,
                server.issuer().delegated(TENANT, MEGAN, "OnlineMeetings.Read"),
                server.issuer().application(TENANT, BOT_APP, WRITE_ALL),
                server.issuer().application(OTHER_TENANT, BOT_APP, WRITE_ALL),
                server.issuer().symmetric(TENANT, MEGAN),
                server.issuer().unsigned(TENANT, MEGAN),
                "",
                "garbage",
                "a.b.c",
                "x".repeat(9_000));
        store = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory().resolve("graphmeet.db"));
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("hostile input: " + CASES.get() + " requests (" + RESENT.get()
                + " resent after a reused connection closed); statuses " + new TreeMap<>(STATUSES));
        store.close();
        server.close();
    }

    @Property(tries = GRAPH_TRIES, shrinking = ShrinkingMode.BOUNDED)
    void graphRequestsGetGraphAnswers(@ForAll("graphRequests") Attempt attempt) throws Exception {
        Answer answer = send(attempt, server.baseUrl());

        assertSurface(answer, Surface.GRAPH);
    }

    @Property(tries = ISSUER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    void issuerRequestsGetOAuthAnswers(@ForAll("issuerRequests") Attempt attempt) throws Exception {
        Answer answer = send(attempt, server.baseUrl());

        assertSurface(answer, Surface.ISSUER);
    }

    @Property(tries = ADMIN_TRIES, shrinking = ShrinkingMode.BOUNDED)
    void adminRequestsGetAdminAnswers(@ForAll("adminRequests") Attempt attempt) throws Exception {
        Answer answer = send(attempt, server.adminUrl());

        assertSurface(answer, Surface.ADMIN);
    }

    @Example
    void anOverlongRequestLineGetsAGraphError() throws IOException {
        try (Socket socket =
                new Socket("127.0.0.1", URI.create(server.baseUrl()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /v1.0/me/onlineMeetings/" + "a".repeat(10_000)
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = RawHttp.readResponse(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 4");
            assertThat(JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                            .at("/error/code")
                            .asText())
                    .isNotBlank();
        }
    }

    // ---- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Attempt> graphRequests() {
        Arbitrary<String> version = Arbitraries.of("/v1.0", "/beta", "/v2.0", "", "/V1.0");
        Arbitrary<String> owner = Arbitraries.oneOf(
                Arbitraries.just("/me"),
                segment().map(id -> "/users/" + id),
                Arbitraries.of(MEGAN, MEGAN.toUpperCase(), "megan@contoso.com", "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")
                        .map(id -> "/users/" + id));
        Arbitrary<String> tail = Arbitraries.oneOf(
                Arbitraries.of("/onlineMeetings", "/onlineMeetings/createOrGet", "/onlineMeetings/"),
                Arbitraries.just("/onlineMeetings/" + encode(meetingId)),
                segment().map(id -> "/onlineMeetings/" + id),
                segment().list().ofMaxSize(3).map(parts -> "/" + String.join("/", parts)));
        Arbitrary<String> path = Combinators.combine(version, owner, tail).as((v, o, t) -> v + o + t);
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("$filter", "$select", "$top", "x", "%24filter"), shortHostileText())
                        .as((name, value) -> "?" + name + "=" + encode(value)),
                Arbitraries.of(
                                "?$filter=JoinWebUrl eq 'x'",
                                "?$filter=joinMeetingIdSettings/joinMeetingId eq '1'",
                                "?$select=subject,joinWebUrl",
                                "?$filter=",
                                "?&&=&",
                                "?$filter=%25ZZ")
                        .map(text -> text.replace(" ", "%20").replace("'", "%27")));
        Arbitrary<Attempt> plausible = Combinators.combine(
                        Arbitraries.of(
                                "POST /v1.0/me/onlineMeetings/createOrGet",
                                "POST /beta/me/onlineMeetings/createOrGet",
                                "POST /v1.0/users/" + MEGAN + "/onlineMeetings/createOrGet",
                                "POST /v1.0/me/onlineMeetings",
                                "PATCH /v1.0/me/onlineMeetings/" + encode(meetingId)),
                        headers(Arbitraries.of(tokens.get(0), tokens.get(0), tokens.get(1), tokens.get(2))
                                .map(token -> "Bearer " + token)),
                        meeting())
                .as((line, h, b) ->
                        new Attempt(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1), h, b));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, plausible), net.jqwik.api.Tuple.of(2, hostile(path, query)));
    }

    private Arbitrary<Attempt> hostile(Arbitrary<String> path, Arbitrary<String> query) {
        return Combinators.combine(
                        Arbitraries.of("GET", "POST", "PATCH", "DELETE", "PUT"),
                        path,
                        query,
                        headers(Arbitraries.frequencyOf(
                                        net.jqwik.api.Tuple.of(3, Arbitraries.of(tokens.subList(0, 3))),
                                        net.jqwik.api.Tuple.of(1, Arbitraries.of(tokens)))
                                .map(token -> "Bearer " + token)),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(1, meeting()), net.jqwik.api.Tuple.of(1, body())))
                .as((method, p, q, h, b) -> new Attempt(method, p + q, h, b));
    }

    @Provide
    Arbitrary<Attempt> issuerRequests() {
        Arbitrary<String> tenant = Arbitraries.oneOf(
                Arbitraries.of(DemoDirectory.TENANT_ID, TENANT, "common", "organizations"), segment());
        Arbitrary<String> route =
                Arbitraries.of("/oauth2/v2.0/token", "/v2.0/.well-known/openid-configuration", "/discovery/v2.0/keys");
        Arbitrary<String> path = Arbitraries.oneOf(
                Combinators.combine(tenant, route).as((t, r) -> "/" + t + r),
                segment().map(name -> "/common/userrealm/" + name));
        Arbitrary<String> value = Arbitraries.oneOf(
                hostileText(),
                Arbitraries.of(
                        DemoDirectory.APP_ID,
                        DemoDirectory.APP_SECRET,
                        DemoDirectory.USER_UPN,
                        DemoDirectory.USER_PASSWORD,
                        "https://graph.microsoft.com/.default",
                        "client_credentials",
                        "password",
                        "User.Read openid"));
        Arbitrary<String> pair = Combinators.combine(
                        Arbitraries.of(
                                "grant_type",
                                "client_id",
                                "client_secret",
                                "scope",
                                "username",
                                "password",
                                "client_info",
                                "x",
                                ""),
                        value)
                .as((name, v) -> encode(name) + "=" + encode(v));
        Arbitrary<String> form =
                Arbitraries.oneOf(pair.list().ofMaxSize(8).map(pairs -> String.join("&", pairs)), hostileText());
        Arbitrary<Map<String, String>> headers = headers(
                        Arbitraries.oneOf(Arbitraries.just(""), hostileText().map(text -> "Basic " + text)))
                .map(h -> {
                    Map<String, String> copy = new TreeMap<>(h);
                    copy.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
                    return copy;
                });
        return Combinators.combine(Arbitraries.of("POST", "POST", "GET", "PUT", "DELETE"), path, headers, form)
                .as((method, p, h, f) -> new Attempt(method, p, h, f));
    }

    @Provide
    Arbitrary<Attempt> adminRequests() {
        Arbitrary<String> tenant = Arbitraries.oneOf(Arbitraries.of(TENANT, OTHER_TENANT, "not-a-guid"), segment());
        Arbitrary<String> rest = Arbitraries.oneOf(
                Arbitraries.of("", "/reset", "/users", "/apps", "/policies", "/grants", "/grants/global"),
                segment().map(id -> "/users/" + id),
                segment().map(id -> "/apps/" + id),
                segment().map(id -> "/apps/" + id + "/secrets"),
                segment().map(id -> "/policies/" + id),
                segment().map(id -> "/grants/users/" + id),
                Arbitraries.just("/users/" + MEGAN));
        Arbitrary<String> path = Arbitraries.oneOf(
                Combinators.combine(tenant, rest).as((t, r) -> "/admin/v1/tenants/" + t + r),
                Arbitraries.of("/admin/v1/tenants", "/admin/v1/issuer/keys", "/admin/v1", "/admin/v2/tenants"),
                segment().map(text -> "/admin/v1/" + text));
        Arbitrary<String> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("Bearer " + TestServer.ADMIN_KEY)),
                net.jqwik.api.Tuple.of(1, hostileText().map(text -> "Bearer " + text)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(Arbitraries.of("GET", "POST", "PATCH", "PUT", "DELETE"), path, headers(key), body())
                .as((method, p, h, b) -> new Attempt(method, p, h, b));
    }

    private Arbitrary<Map<String, String>> headers(Arbitrary<String> authorization) {
        Arbitrary<Optional<String>> contentType = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(
                                6, Arbitraries.of("application/json", "application/json; charset=utf-8")),
                        net.jqwik.api.Tuple.of(
                                1,
                                Arbitraries.of(
                                        "text/plain",
                                        "application/x-www-form-urlencoded",
                                        "application/jsonx",
                                        "",
                                        "*/*")))
                .optional(0.9);
        Arbitrary<Optional<String>> prefer = Arbitraries.of("include-unknown-enum-members", "return=minimal", "")
                .optional();
        Arbitrary<Optional<String>> clientRequestId = headerText().optional();
        Arbitrary<Optional<String>> language = Arbitraries.oneOf(Arbitraries.of("de-DE", "*", "en;q=0.5"), headerText())
                .optional();
        return Combinators.combine(authorization.optional(), contentType, prefer, clientRequestId, language)
                .as((auth, type, pref, id, lang) -> {
                    Map<String, String> headers = new TreeMap<>();
                    auth.filter(value -> !value.isEmpty()).ifPresent(value -> headers.put("Authorization", value));
                    type.filter(value -> !value.isEmpty()).ifPresent(value -> headers.put("Content-Type", value));
                    pref.filter(value -> !value.isEmpty()).ifPresent(value -> headers.put("Prefer", value));
                    id.filter(value -> !value.isBlank()).ifPresent(value -> headers.put("client-request-id", value));
                    lang.filter(value -> !value.isBlank()).ifPresent(value -> headers.put("Accept-Language", value));
                    return headers;
                });
    }

    /**
     * A meeting as a client would send it, each part possibly hostile, so requests get past the first checks and
     * into the rules, the directory and the store.
     */
    private Arbitrary<String> meeting() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> text = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .ofMinLength(1)
                                .ofMaxLength(20)
                                .map(value -> (JsonNode) f.textNode(value))),
                net.jqwik.api.Tuple.of(1, jsonValue(0)));
        Arbitrary<JsonNode> time = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.integers()
                                .between(-400, 400)
                                .map(days -> (JsonNode) f.textNode(java.time.Instant.parse("2026-06-01T09:00:00Z")
                                        .plus(Duration.ofDays(days))
                                        .toString()))),
                net.jqwik.api.Tuple.of(1, jsonValue(0)));
        Arbitrary<String> roles = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("attendee", "presenter")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("organizer", "coorganizer", "producer", "unknownFutureValue", "x")));
        Arbitrary<JsonNode> attendee = Combinators.combine(text, roles).as((id, role) -> {
            ObjectNode node = f.objectNode();
            node.putObject("identity").putObject("user").set("id", id);
            node.put("role", role);
            return node;
        });
        Arbitrary<Optional<ObjectNode>> extra = jsonObject(2).optional(0.3);
        return Combinators.combine(
                        text,
                        text.optional(),
                        time.optional(),
                        time.optional(),
                        attendee.list().ofMaxSize(4),
                        extra)
                .as((externalId, subject, start, end, attendees, more) -> {
                    ObjectNode node = f.objectNode();
                    node.set("externalId", externalId);
                    subject.ifPresent(value -> node.set("subject", value));
                    start.ifPresent(value -> node.set("startDateTime", value));
                    end.ifPresent(value -> node.set("endDateTime", value));
                    node.putObject("participants").putArray("attendees").addAll(attendees);
                    more.ifPresent(fields ->
                            fields.fields().forEachRemaining(field -> node.set(field.getKey(), field.getValue())));
                    return node.toString();
                });
    }

    /** Bodies: mutated meetings and directory objects, any JSON, and text that is no JSON at all. */
    private Arbitrary<String> body() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, jsonObject(3).map(JsonNode::toString)),
                net.jqwik.api.Tuple.of(2, jsonValue(2).map(JsonNode::toString)),
                net.jqwik.api.Tuple.of(2, hostileText()),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.integers().between(1, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    private static final List<String> FIELDS = List.of(
            "externalId",
            "subject",
            "startDateTime",
            "endDateTime",
            "participants",
            "attendees",
            "organizer",
            "identity",
            "user",
            "id",
            "upn",
            "role",
            "displayName",
            "lobbyBypassSettings",
            "scope",
            "isDialInBypassEnabled",
            "allowedPresenters",
            "joinMeetingIdSettings",
            "isPasscodeRequired",
            "chatInfo",
            "anonymizeIdentityForRoles",
            "watermarkProtection",
            "appIds",
            "identity",
            "permissions",
            "password",
            "tenantId",
            "global",
            "policy",
            "secret",
            "@odata.type");

    private Arbitrary<ObjectNode> jsonObject(int depth) {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELDS), hostileText());
        return Combinators.combine(name, jsonValue(depth - 1))
                .as(Map::entry)
                .list()
                .ofMaxSize(6)
                .map(entries -> {
                    ObjectNode node = JsonNodeFactory.instance.objectNode();
                    entries.forEach(entry -> node.set(entry.getKey(), entry.getValue()));
                    return node;
                });
    }

    private Arbitrary<JsonNode> jsonValue(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                hostileText().map(f::textNode),
                Arbitraries.of(
                                "2026-03-12T09:15:02Z",
                                "2026-03-12T09:15:02.1234567+05:30",
                                "0001-01-01T00:00:00Z",
                                "9999-12-31T23:59:59.9999999Z",
                                "2026-02-30T25:61:61Z",
                                "presenter",
                                "attendee",
                                "everyone",
                                "unknownFutureValue",
                                "organizer",
                                MEGAN,
                                "megan@contoso.com")
                        .map(f::textNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(f.booleanNode(true), f.booleanNode(false), f.nullNode()),
                Arbitraries.just(f.numberNode(new java.math.BigDecimal("1e400"))));
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.lazy(() -> jsonObject(depth)).map(node -> (JsonNode) node)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.lazy(() -> jsonValue(depth - 1))
                                .list()
                                .ofMaxSize(5)
                                .map(items -> (JsonNode) f.arrayNode().addAll(items))));
    }

    /** Text as hostile as a string can be: control characters, lone surrogates, SQL, markup, long runs. */
    private static Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, shortHostileText()),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().ofMinLength(1_000).ofMaxLength(70_000)));
    }

    /**
     * Hostile text short enough for a request line: one longer than Helidon's 4 KB limit is refused before any
     * route runs, which {@link #anOverlongRequestLineGetsAGraphError} covers on its own.
     */
    private static Arbitrary<String> shortHostileText() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60)),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                "",
                                " ",
                                "null",
                                "'",
                                "\"",
                                "\\",
                                "%",
                                "%00",
                                "\u0000",
                                "\uD800",
                                "\uDFFF",
                                "é",
                                "😀",
                                "../../etc/passwd",
                                "' OR 1=1 --",
                                "<script>alert(1)</script>",
                                "${jndi:ldap://x}",
                                "{{7*7}}",
                                "\r\nX-Injected: 1",
                                "00000000-0000-0000-0000-000000000000",
                                TENANT,
                                MEGAN,
                                "megan@contoso.com",
                                "-1",
                                "1e309",
                                "NaN")));
    }

    /** A path segment: hostile text, percent-encoded so that the request line stays a request line. */
    private static Arbitrary<String> segment() {
        return shortHostileText().map(HostileInputTest::encode);
    }

    /** Header values HTTP can carry: visible ASCII and spaces, some long. */
    private static Arbitrary<String> headerText() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300).map(String::strip);
    }

    /** What an HTTP client will put in a header: visible ASCII, inner spaces; the rest becomes '?'. */
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        value.chars().forEach(c -> safe.append(c >= ' ' && c <= '~' ? (char) c : '?'));
        return safe.toString().strip();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- sending and judging -----------------------------------------------------------------------------------

    private enum Surface {
        GRAPH,
        ISSUER,
        ADMIN
    }

    /** One generated request. */
    record Attempt(String method, String pathAndQuery, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            return method + " " + pathAndQuery + " " + headers + " body(" + body.length() + ")="
                    + body.substring(0, Math.min(300, body.length()));
        }
    }

    private record Answer(Attempt attempt, int status, String contentType, String body, boolean storeChanged) {}

    /**
     * Sends on the shared client's pooled connections. A kept-alive connection may be closed by the server just as
     * the client reuses it (the client then reads no bytes at all); such a request is sent once more on a fresh
     * connection, so that only a server that drops this very request twice fails the property.
     */
    private static HttpResponse<String> sendOnce(HttpRequest request) throws Exception {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            RESENT.incrementAndGet();
            try (HttpClient fresh = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()) {
                return fresh.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    private static Answer send(Attempt attempt, String base) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + attempt.pathAndQuery()))
                .timeout(Duration.ofSeconds(10))
                .method(
                        attempt.method(),
                        attempt.method().equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(attempt.body()));
        attempt.headers().forEach((name, value) -> {
            String carried = headerSafe(value);
            if (!carried.isEmpty()) {
                request.header(name, carried);
            }
        });
        long before = dataVersion();
        HttpResponse<String> response = sendOnce(request.build());
        boolean changed = dataVersion() != before;
        CASES.incrementAndGet();
        STATUSES.computeIfAbsent(Integer.toString(response.statusCode()), s -> new AtomicInteger())
                .incrementAndGet();
        return new Answer(
                attempt,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                changed);
    }

    private static void assertSurface(Answer answer, Surface surface) throws IOException {
        String what = answer.attempt() + " -> " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as(what).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.storeChanged())
                    .as("a refused request changed the store: " + what)
                    .isFalse();
            assertThat(answer.contentType()).as(what).contains("json");
            JsonNode error = JSON.readTree(answer.body()).path("error");
            if (surface == Surface.ISSUER && error.isTextual()) {
                assertThat(JSON.readTree(answer.body())
                                .path("error_description")
                                .asText())
                        .as(what)
                        .isNotBlank();
            } else {
                assertThat(error.path("code").asText()).as(what).isNotBlank();
                assertThat(error.path("message").isTextual()).as(what).isTrue();
                assertThat(error.path("innerError").path("request-id").asText())
                        .as(what)
                        .isNotBlank();
            }
        } else if (!answer.body().isEmpty()) {
            assertThat(JSON.readTree(answer.body()).isObject()).as(what).isTrue();
        }
    }

    private static long dataVersion() throws SQLException {
        try (Statement statement = store.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA data_version")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Path dataDirectory() throws IOException {
        try (var paths = Files.walk(scratch)) {
            return paths.filter(p -> p.getFileName().toString().equals("graphmeet.db"))
                    .findFirst()
                    .orElseThrow()
                    .getParent();
        }
    }
}
