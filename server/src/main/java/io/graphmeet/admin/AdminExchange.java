package io.graphmeet.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.http.QueryString;
import io.graphmeet.http.RequestBody;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** One admin request as an endpoint sees it: path parameters, the tenant it addresses, its JSON body. */
final class AdminExchange {

    private final ServerRequest request;
    private final AdminContext context;
    private final RequestBody body;
    private final AdminSessions sessions;
    private QueryString query;

    AdminExchange(ServerRequest request, AdminContext context, RequestBody body, AdminSessions sessions) {
        this.request = request;
        this.context = context;
        this.body = body;
        this.sessions = sessions;
    }

    /**
     * A 401 unless the request carries the admin key, or the cookie of a console session signed in with it; a 403
     * for a session's change (any method but GET and HEAD) without the session's CSRF token. The route table calls
     * it before any endpoint runs.
     */
    void requireAdminKey() {
        if (context.key()
                .matches(bearer(
                        request.headers().first(HeaderNames.AUTHORIZATION).orElse(null)))) {
            return;
        }
        String csrfToken = sessions.csrfToken(
                        request.headers().first(HeaderNames.COOKIE).orElse(null))
                .orElseThrow(() -> GraphError.UNAUTHORIZED.with(
                        "Missing or wrong admin key: send 'Authorization: Bearer {admin.key}'."));
        Method method = request.prologue().method();
        if (!method.equals(Method.GET)
                && !method.equals(Method.HEAD)
                && !sameText(
                        csrfToken,
                        request.headers()
                                .first(HeaderNames.create(AdminSessions.CSRF_HEADER))
                                .orElse(null))) {
            throw GraphError.FORBIDDEN.with("Missing or wrong " + AdminSessions.CSRF_HEADER + " header: a console "
                    + "session sends its CSRF token with every change.");
        }
    }

    AdminContext context() {
        return context;
    }

    DirectoryStore directory() {
        return context.directory().store();
    }

    /** A path parameter, as sent. */
    String parameter(String name) {
        return request.path().pathParameters().get(name);
    }

    /**
     * The query parameters, decoded once; a 400 naming the first parameter that is not one of {@code allowed}, so a
     * misspelt filter is not silently ignored, or that is given more than once, so no value is silently dropped.
     */
    QueryString queryString(String... allowed) {
        if (query == null) {
            query = QueryString.parse(request.query().rawValue());
        }
        for (String name : query.parameters().keySet()) {
            if (!List.of(allowed).contains(name)) {
                throw GraphError.BAD_REQUEST.with(
                        "Unknown query parameter '" + name + "'; this route takes " + String.join(", ", allowed) + ".");
            }
            if (request.query().all(name, List::of).size() > 1) {
                throw GraphError.BAD_REQUEST.with("Query parameter '" + name + "' is given more than once.");
            }
        }
        return query;
    }

    /** This request's URL without its query, as the client addressed it, for links to further pages. */
    String urlWithoutQuery() {
        String url = request.requestedUri().toUri().toString();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The {@code {tenantId}} of the path as a GUID, whether or not the directory knows it. */
    String tenantId() {
        return Fields.guid(parameter("tenantId"), "tenantId");
    }

    /** The tenant the path names; a 404 if the directory does not know it. */
    Tenant tenant() {
        String tenantId = tenantId();
        return directory()
                .tenant(tenantId)
                .orElseThrow(() -> GraphError.NOT_FOUND.with("Tenant '" + tenantId + "' was not found."));
    }

    /** The body as a JSON object limited to {@code allowed} fields; an empty body is an empty object. */
    JsonFields body(String... allowed) {
        return JsonFields.quotingNames(body.jsonObjectOrEmpty(request)).only(allowed);
    }

    /** The body as a JSON object, for a reader of its own; an empty body is an empty object. */
    ObjectNode json() {
        return body.jsonObjectOrEmpty(request);
    }

    private static boolean sameText(String expected, String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
