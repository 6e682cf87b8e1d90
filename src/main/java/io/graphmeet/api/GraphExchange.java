package io.graphmeet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.api.json.GraphJson;
import io.graphmeet.auth.Access;
import io.graphmeet.auth.Caller;
import io.graphmeet.auth.Target;
import io.graphmeet.errors.GraphError;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.meetings.Requester;
import io.graphmeet.meetings.Text;
import io.graphmeet.observe.TokenVerification;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** One Graph request as an endpoint sees it: path, body, caller and the organizer it may act for. */
final class GraphExchange {

    static final HeaderName PREFER = HeaderNames.create("Prefer");
    private static final String USER_ID = "userId";
    private static final String MEETING_ID = "meetingId";

    private final ServerRequest request;
    private final GraphContext context;
    private final Access access;
    private Caller caller;
    private Organizer organizer;
    private QueryString query;

    GraphExchange(ServerRequest request, GraphContext context, Access access) {
        this.request = request;
        this.context = context;
        this.access = access;
    }

    /** The authenticated caller; a 401 error if the token is missing or invalid. */
    Caller caller() {
        if (caller == null) {
            String authorization = request.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
            try {
                caller = context.tokens().verify(authorization);
            } catch (RuntimeException e) {
                context.metrics().recordTokenVerification(authorization == null
                        ? TokenVerification.MISSING : TokenVerification.INVALID);
                throw e;
            }
            context.metrics().recordTokenVerification(TokenVerification.VALID);
        }
        return caller;
    }

    /** The caller if the token was verified during this request, else null. */
    Caller verifiedCaller() {
        return caller;
    }

    /** The user whose meetings this request addresses, once the caller is allowed to act for them. */
    Organizer organizer() {
        if (organizer == null) {
            organizer = context.authorizer().authorize(caller(), target(), access);
        }
        return organizer;
    }

    /** The user this request acts as, once the caller is allowed to. */
    Requester requester() {
        Organizer user = organizer();
        return new Requester(user.tenantId(), user.userId());
    }

    /** The meeting id in the path, decoded; it may hold {@code /}, as base64 ids can. */
    String meetingId() {
        return request.path().pathParameters().get(MEETING_ID);
    }

    /** A query parameter decoded exactly once, or null. */
    String query(String name) {
        if (query == null) {
            query = QueryString.parse(request.query().rawValue());
        }
        return query.get(name);
    }

    String acceptLanguage() {
        return request.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null);
    }

    Target target() {
        var parameters = request.path().pathParameters();
        if (!parameters.contains(USER_ID)) {
            return new Target.Me();
        }
        String user = parameters.get(USER_ID);
        if (!Text.isAcceptable(user)) {
            throw GraphError.BAD_REQUEST.with("The user id in the path " + Text.RULE);
        }
        return new Target.User(user);
    }

    String path() {
        return request.path().path();
    }

    /** Whether the caller asked for enum members added after {@code unknownFutureValue}. */
    boolean includeUnknownEnumMembers() {
        return request.headers().all(PREFER, List::of).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("include-unknown-enum-members"));
    }

    /** The body as a JSON object: Content-Type must be JSON, size within the limit. */
    ObjectNode jsonBody() {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw GraphError.BAD_REQUEST.with(GraphJson.UNREADABLE_BODY);
        }
        return GraphJson.readObject(body());
    }

    private byte[] body() {
        int limit = context.maxBodyBytes();
        long declared = request.headers().contentLength().orElse(-1L);
        if (declared > limit) {
            throw tooLarge(limit);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared + 1 : limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuntimeException tooLarge(int limit) {
        return GraphError.REQUEST_ENTITY_TOO_LARGE.with("The request body exceeds the limit of " + limit + " bytes.");
    }
}
