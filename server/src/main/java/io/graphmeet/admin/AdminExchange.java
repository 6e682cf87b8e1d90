package io.graphmeet.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.JsonFields;
import io.graphmeet.http.QueryString;
import io.graphmeet.http.RequestBody;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** One admin request as an endpoint sees it: path parameters, the tenant it addresses, its JSON body. */
final class AdminExchange {

    private final ServerRequest request;
    private final AdminContext context;
    private final RequestBody body;
    private QueryString query;

    AdminExchange(ServerRequest request, AdminContext context, RequestBody body) {
        this.request = request;
        this.context = context;
        this.body = body;
    }

    /** A 401 unless the request carries the admin key; the route table calls it before any endpoint runs. */
    void requireAdminKey() {
        if (!context.key().matches(bearer(request.headers().first(HeaderNames.AUTHORIZATION).orElse(null)))) {
            throw GraphError.UNAUTHORIZED.with("Missing or wrong admin key: send 'Authorization: Bearer "
                    + "{admin.key}'.");
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
     * misspelt filter is not silently ignored.
     */
    QueryString query(String... allowed) {
        if (query == null) {
            query = QueryString.parse(request.query().rawValue());
        }
        for (String name : query.parameters().keySet()) {
            if (!List.of(allowed).contains(name)) {
                throw GraphError.BAD_REQUEST.with("Unknown query parameter '" + name + "'; this route takes "
                        + String.join(", ", allowed) + ".");
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
        return directory().tenant(tenantId)
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

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
