package io.graphmeet.console;

import io.graphmeet.admin.AdminKey;
import io.graphmeet.admin.AdminSessions;
import io.graphmeet.http.RequestBody;
import io.graphmeet.http.RequestRefusedException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The console's own routes on the admin listener: sign-in (a form for the admin key, or a one-time link), sign-out,
 * the session's CSRF token for the pages' scripts, and the pages themselves. Everything else the pages do goes
 * through the admin API with the session cookie.
 */
public final class ConsoleRoutes {

    /** The console's path prefix. */
    public static final String BASE = "/console";

    /** The path a one-time link points at, with {@code ?token=}. */
    public static final String SIGN_IN = BASE + "/signin";

    private final AdminKey key;
    private final ConsoleSessions sessions;
    private final RequestBody body;
    private final Clock clock;

    private ConsoleRoutes(AdminKey key, ConsoleSessions sessions, int maxBodyBytes, Clock clock) {
        this.key = key;
        this.sessions = sessions;
        this.body = new RequestBody(maxBodyBytes);
        this.clock = clock;
    }

    /** Adds the console's routes to the admin listener's {@code routing}, ahead of the admin API's. */
    public static void register(
            HttpRouting.Builder routing, AdminKey key, ConsoleSessions sessions, int maxBodyBytes, Clock clock) {
        ConsoleRoutes console = new ConsoleRoutes(key, sessions, maxBodyBytes, clock);
        routing.get(BASE, (request, response) -> redirect(response, BASE + "/"))
                .get(BASE + "/", console::app)
                .get(SIGN_IN, console::signInPage)
                .post(SIGN_IN, console::signIn)
                .post(BASE + "/signout", console::signOut)
                .get(BASE + "/session", console::session)
                .get(
                        BASE + "/assets/{file}",
                        (request, response) -> ConsolePages.asset(
                                response, request.path().pathParameters().get("file")))
                .any(
                        BASE + "/*",
                        (request, response) -> ConsolePages.page(
                                response, Status.NOT_FOUND_404, "Not found", "The console has no page here."));
    }

    private void app(ServerRequest request, ServerResponse response) {
        if (sessions.find(cookies(request)).isEmpty()) {
            redirect(response, SIGN_IN);
            return;
        }
        ConsolePages.app(response);
    }

    private void signInPage(ServerRequest request, ServerResponse response) {
        var token = request.query().first("token");
        if (token.isPresent()) {
            sessions.redeem(token.get())
                    .ifPresentOrElse(
                            session -> openSession(request, response, session),
                            () -> ConsolePages.signIn(
                                    response,
                                    Status.UNAUTHORIZED_401,
                                    "This sign-in link is unknown, used "
                                            + "or expired: each link works once, for "
                                            + ConsoleSessions.LINK_LIFETIME.toMinutes()
                                            + " minutes. Sign in with the admin key instead."));
            return;
        }
        if (sessions.find(cookies(request)).isPresent()) {
            redirect(response, BASE + "/");
            return;
        }
        ConsolePages.signIn(response, Status.OK_200, null);
    }

    private void signIn(ServerRequest request, ServerResponse response) {
        if (!sameOrigin(request)) {
            ConsolePages.signIn(
                    response, Status.FORBIDDEN_403, "Sign-in is accepted only from the console's own page.");
            return;
        }
        String form;
        try {
            form = body.form(request);
        } catch (RequestRefusedException e) {
            ConsolePages.signIn(
                    response,
                    e.tooLarge() ? Status.REQUEST_ENTITY_TOO_LARGE_413 : Status.BAD_REQUEST_400,
                    "The sign-in form could not be read.");
            return;
        }
        if (!key.matches(field(form, "key"))) {
            ConsolePages.signIn(response, Status.UNAUTHORIZED_401, "That is not the admin key.");
            return;
        }
        openSession(request, response, sessions.signIn());
    }

    private void signOut(ServerRequest request, ServerResponse response) {
        var session = sessions.find(cookies(request));
        String sent = request.headers()
                .first(HeaderNames.create(AdminSessions.CSRF_HEADER))
                .orElse("");
        if (session.isPresent()
                && !MessageDigest.isEqual(
                        session.get().csrfToken().getBytes(StandardCharsets.UTF_8),
                        sent.getBytes(StandardCharsets.UTF_8))) {
            ConsolePages.json(
                    response,
                    Status.FORBIDDEN_403,
                    Map.of(
                            "error",
                            Map.of(
                                    "code",
                                    "Forbidden",
                                    "message",
                                    "Missing or wrong " + AdminSessions.CSRF_HEADER + " header.")));
            return;
        }
        sessions.signOut(cookies(request));
        response.header(HeaderNames.SET_COOKIE, SessionCookie.clear(request.isSecure()));
        response.status(Status.NO_CONTENT_204);
        ConsolePages.secure(response);
        response.send();
    }

    /** The signed-in page's CSRF token and the session's end; a 401 without a live session. */
    private void session(ServerRequest request, ServerResponse response) {
        sessions.find(cookies(request))
                .ifPresentOrElse(
                        session -> ConsolePages.json(
                                response,
                                Status.OK_200,
                                Map.of(
                                        "csrfToken",
                                        session.csrfToken(),
                                        "expiresAt",
                                        session.expiresAt().toString())),
                        () -> ConsolePages.json(
                                response,
                                Status.UNAUTHORIZED_401,
                                Map.of(
                                        "error",
                                        Map.of(
                                                "code",
                                                "Unauthorized",
                                                "message",
                                                "No console session: sign in at " + SIGN_IN + "."))));
    }

    private void openSession(ServerRequest request, ServerResponse response, ConsoleSessions.Session session) {
        Duration left = Duration.between(clock.instant(), session.expiresAt());
        response.header(HeaderNames.SET_COOKIE, SessionCookie.set(session.id(), left, request.isSecure()));
        redirect(response, BASE + "/");
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303);
        response.header(HeaderNames.LOCATION, location);
        ConsolePages.secure(response);
        response.send();
    }

    /** A browser sends {@code Origin} on a form post; one naming another site (or {@code null}) is refused. */
    private static boolean sameOrigin(ServerRequest request) {
        var origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return true;
        }
        String host = request.headers().first(HeaderNames.HOST).orElse("");
        return origin.get().equals((request.isSecure() ? "https://" : "http://") + host);
    }

    private static String cookies(ServerRequest request) {
        return request.headers().first(HeaderNames.COOKIE).orElse(null);
    }

    private static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
