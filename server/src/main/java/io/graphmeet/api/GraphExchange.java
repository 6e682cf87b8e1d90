package io.graphmeet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.auth.Access;
import io.graphmeet.auth.Caller;
import io.graphmeet.auth.Target;
import io.graphmeet.auth.TokenVerifier;
import io.graphmeet.errors.GraphError;
import io.graphmeet.faults.AppliedFault;
import io.graphmeet.http.Json;
import io.graphmeet.http.QueryString;
import io.graphmeet.http.RequestBody;
import io.graphmeet.http.RequestRefusedException;
import io.graphmeet.http.Text;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.meetings.Requester;
import io.graphmeet.observe.TokenVerification;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Locale;

/**
 * One Graph request as an endpoint sees it: path, body, caller and, once the route table has authorized the
 * caller for the route's permission, the organizer it may act for.
 */
final class GraphExchange {

    static final HeaderName PREFER = HeaderNames.create("Prefer");
    private static final String USER_ID = "userId";
    private static final String MEETING_ID = "meetingId";

    private final ServerRequest request;
    private final GraphContext context;
    private final RequestBody body;
    private Caller caller;
    private Organizer organizer;
    private QueryString query;
    private AppliedFault fault;
    private byte[] sentBody;
    private ObjectNode readBody;
    private Meeting answered;

    GraphExchange(ServerRequest request, GraphContext context, RequestBody body) {
        this.request = request;
        this.context = context;
        this.body = body;
    }

    /** The authenticated caller; a 401 error if the token is missing or invalid. */
    Caller caller() {
        if (caller == null) {
            String authorization =
                    request.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
            try {
                caller = context.tokens().verify(authorization);
            } catch (RuntimeException e) {
                context.metrics()
                        .recordTokenVerification(
                                authorization == null ? TokenVerification.MISSING : TokenVerification.INVALID);
                throw e;
            }
            context.metrics().recordTokenVerification(TokenVerification.VALID);
        }
        return caller;
    }

    /** What every Graph request shares. */
    GraphContext context() {
        return context;
    }

    /** Records that a scripted fault shaped this request's answer, for the request journal. */
    void markFault(AppliedFault applied) {
        fault = applied;
    }

    /** The scripted fault that shaped this request's answer, or null when none did. */
    AppliedFault fault() {
        return fault;
    }

    /** The caller if the token was verified during this request, else null. */
    Caller verifiedCaller() {
        return caller;
    }

    /**
     * Authorizes the caller for {@code access} to the user the path addresses: a 401, 400 or 403 error if it may
     * not. The route table calls it, with the route's declared permission, before the endpoint runs.
     */
    void authorize(Access access) {
        organizer = context.authorizer().authorize(caller(), target(), access);
    }

    /** The user whose meetings this request addresses, as the route table authorized the caller for them. */
    Organizer organizer() {
        if (organizer == null) {
            throw new IllegalStateException("the route declares no permission, so it may not act for a user");
        }
        return organizer;
    }

    /** The user this request acts as, as the route table authorized the caller. */
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
        sentBody = body.jsonBytes(request);
        readBody = Json.readObject(sentBody);
        return readBody;
    }

    /**
     * Reads the body, when one was sent, for the request journal of a request a scripted fault answers before its
     * endpoint would have read it. A body the endpoint would have refused stays unread: the fault answers either way.
     */
    void readBodyForJournal() {
        if (sentBody != null) {
            return;
        }
        try {
            jsonBody();
        } catch (RequestRefusedException unreadable) {
            readBody = null;
        }
        if (sentBody != null && sentBody.length == 0) {
            sentBody = null; // no body was sent
        }
    }

    /** The body's bytes as sent, if an endpoint read it, for the request journal; else null. */
    byte[] sentBody() {
        return sentBody;
    }

    /** The body as read, or null if it was not read or was not a JSON object. */
    ObjectNode readBody() {
        return readBody;
    }

    /** Notes the meeting the request was answered with, for the request journal. */
    void answeredWith(Meeting meeting) {
        answered = meeting;
    }

    /** The meeting the request was answered with, or null. */
    Meeting answered() {
        return answered;
    }

    /** The organizer the caller was authorized to act for, or null when authorization did not happen. */
    Organizer authorizedOrganizer() {
        return organizer;
    }

    /** A path parameter as sent, or null when the route has none of that name. */
    String pathParameter(String name) {
        var parameters = request.path().pathParameters();
        return parameters.contains(name) ? parameters.get(name) : null;
    }

    /**
     * The tenant the bearer token claims, read without verifying anything, or null: only for the request journal,
     * to file a refused request under the tenant it came from.
     */
    String claimedTenant() {
        return TokenVerifier.claimedTenant(
                request.headers().first(HeaderNames.AUTHORIZATION).orElse(null));
    }
}
