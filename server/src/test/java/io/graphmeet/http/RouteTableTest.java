package io.graphmeet.http;

import static io.helidon.http.Method.GET;
import static io.helidon.http.Method.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.failure.StoreUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The edge kit over a real server: guards run before endpoints, and every failure becomes the surface's reply. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteTableTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int LIMIT = 64;

    private final AtomicInteger probeRuns = new AtomicInteger();
    /** What the observer was told once each request was answered: "path-template name status nanos>0". */
    private final BlockingQueue<String> answered = new LinkedBlockingQueue<>();

    private WebServer server;

    /** The probe surface's own refusal. */
    private static final class NotAdmitted extends RuntimeException {}

    /** A surface whose envelope is {"failure": ..., "message": ...}. */
    private static final ErrorReplies PROBE_ERRORS = new ErrorReplies() {
        @Override
        public Reply known(RuntimeException failure, RequestIds ids) {
            return switch (failure) {
                case NotAdmitted e -> error(403, "not admitted", "");
                case RequestRefusedException e -> error(e.tooLarge() ? 413 : 400, "refused", e.getMessage());
                default -> null;
            };
        }

        @Override
        public Reply unavailable(RequestIds ids) {
            return error(503, "unavailable", "");
        }

        @Override
        public Reply internalError(RequestIds ids) {
            return error(500, "internal", "");
        }

        private Reply error(int status, String failure, String message) {
            return Reply.of(status, Map.of("failure", failure, "message", message));
        }
    };

    @BeforeAll
    void start() {
        RequestBody body = new RequestBody(LIMIT);
        Surface probe = new Surface(
                "probe",
                RequestIds.REQUEST_ID,
                HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json"),
                List.of(),
                PROBE_ERRORS);
        Observer<ServerRequest> observer = (request, ids, operation) -> new Observer.Observation<>() {
            @Override
            public Map<String, String> replying(ServerRequest exchange, Reply reply) {
                return Map.of("X-Observed", operation.name() + " " + reply.status());
            }

            @Override
            public void answered(ServerRequest exchange, Reply reply, long nanos) {
                answered.add(ids.clientRequestId() + " " + operation.pathTemplate() + " " + operation.name() + " "
                        + reply.status() + " " + (nanos > 0));
            }
        };
        Edge<ServerRequest> edge = new Edge<>(probe, (request, ids) -> request, observer);
        Guard<ServerRequest> keyHolder = request -> {
            if (!request.headers().first(HeaderNames.create("X-Key")).orElse("").equals("open-sesame")) {
                throw new NotAdmitted();
            }
        };
        Guard<ServerRequest> open = Guard.open();
        server = WebServer.builder()
                .port(0)
                .routing((HttpRouting.Builder routing) -> {
                    RouteTable<ServerRequest> table = new RouteTable<>(
                            routing, edge, open, request -> Reply.of(405, Map.of("failure", "method")));
                    // the endpoint never looks at its caller: only the table's guard can refuse one
                    table.path("/probe", RouteTable.on(GET, keyHolder, request -> {
                        probeRuns.incrementAndGet();
                        return Reply.of(200, Map.of("ran", true));
                    }));
                    table.path("/store", RouteTable.on(GET, open, request -> {
                        throw new StoreUnavailableException("the disk is gone", null);
                    }));
                    table.path("/bug", RouteTable.on(GET, open, request -> {
                        throw new IllegalStateException("a bug");
                    }));
                    table.path(
                            "/items/{id}",
                            RouteTable.on(GET, open, request -> Reply.of(200, Map.of()))
                                    .named("getItem"));
                    table.path(
                            "/echo",
                            RouteTable.on(
                                    POST,
                                    open,
                                    request -> Reply.of(
                                            200,
                                            JsonFields.of(body.jsonObject(request))
                                                    .requiredString("name"))));
                    table.otherwise(request -> Reply.of(404, Map.of("failure", "no route")));
                })
                .build()
                .start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theObserverSeesEveryAnswerWithItsRoutesTemplateAndNameAndAddsItsHeaders() throws Exception {
        HttpResponse<String> named = send(
                request("/items/42").header("client-request-id", "observed-1").GET());
        assertThat(named.headers().firstValue("X-Observed")).hasValue("getItem 200");
        assertThat(answerTo("observed-1")).isEqualTo("observed-1 /items/{id} getItem 200 true");

        HttpResponse<String> refused =
                send(request("/probe").header("client-request-id", "observed-2").GET());
        assertThat(refused.headers().firstValue("X-Observed")).hasValue("GET 403");
        assertThat(answerTo("observed-2")).isEqualTo("observed-2 /probe GET 403 true");

        send(request("/probe").header("client-request-id", "observed-3").DELETE());
        assertThat(answerTo("observed-3")).isEqualTo("observed-3 /probe unmatched 405 true");

        send(request("/nowhere/7").header("client-request-id", "observed-4").GET());
        assertThat(answerTo("observed-4")).isEqualTo("observed-4 * unmatched 404 true");
    }

    /** What the observer was told about the request with {@code clientRequestId}, awaited for at most 5 s. */
    private String answerTo(String clientRequestId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String next;
        while ((next = answered.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (next.startsWith(clientRequestId + " ")) {
                return next;
            }
        }
        return null;
    }

    @Test
    void aGuardRefusesBeforeAnEndpointThatNeverChecksItsCallerRuns() throws Exception {
        HttpResponse<String> refused = send(request("/probe").GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("not admitted");
        assertThat(probeRuns).hasValue(0);

        HttpResponse<String> admitted =
                send(request("/probe").header("X-Key", "open-sesame").GET());
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(probeRuns).hasValue(1);
    }

    @Test
    void otherMethodsOnAListedPathGetTheSurfacesMethodNotAllowedAndOtherPathsItsCatchAll() throws Exception {
        assertThat(send(request("/probe").DELETE()).statusCode()).isEqualTo(405);
        assertThat(send(request("/nowhere").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void aStoreOutageAndAnUnexpectedFailureBecomeTheSurfacesOwnReplies() throws Exception {
        HttpResponse<String> outage = send(request("/store").GET());
        assertThat(outage.statusCode()).isEqualTo(503);
        assertThat(outage.body()).contains("unavailable");
        HttpResponse<String> bug = send(request("/bug").GET());
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.body()).doesNotContain("a bug");
    }

    @Test
    void everyReplyCarriesARequestIdAndEchoesASaneClientRequestId() throws Exception {
        HttpResponse<String> echoed =
                send(request("/bug").header("client-request-id", "mine-1").GET());
        assertThat(echoed.headers().firstValue("request-id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(echoed.headers().firstValue("client-request-id")).hasValue("mine-1");
        HttpResponse<String> replaced = send(
                request("/probe").header("client-request-id", "x".repeat(200)).GET());
        assertThat(replaced.headers().firstValue("client-request-id"))
                .isEqualTo(replaced.headers().firstValue("request-id"));
    }

    @Test
    void theBodyReaderRefusesWrongTypesOversizedBodiesAndMistypedFields() throws Exception {
        HttpResponse<String> read = post("application/json", "{\"name\":\"Ada\"}");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("\"Ada\"");

        HttpResponse<String> notJson = post("text/plain", "{\"name\":\"Ada\"}");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("Unable to read JSON request payload");

        HttpResponse<String> tooLarge = post("application/json", "{\"name\":\"" + "x".repeat(LIMIT) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("exceeds the limit of " + LIMIT + " bytes");

        HttpResponse<String> mistyped = post("application/json", "{\"name\":7}");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body()).contains("name must be a string.");
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return send(
                request("/echo").header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
