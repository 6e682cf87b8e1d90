package io.graphmeet.admin;

import io.graphmeet.api.json.GraphJson;
import io.graphmeet.directory.DirectoryStore;
import io.graphmeet.directory.Tenant;
import io.graphmeet.errors.GraphError;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** One admin request as an endpoint sees it: path parameters, the tenant it addresses, its JSON body. */
final class AdminExchange {

    private final ServerRequest request;
    private final AdminContext context;

    AdminExchange(ServerRequest request, AdminContext context) {
        this.request = request;
        this.context = context;
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
    Body body(String... allowed) {
        if (!request.content().hasEntity()) {
            return Body.of(GraphJson.readObject("{}".getBytes()), allowed);
        }
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw GraphError.BAD_REQUEST.with(GraphJson.UNREADABLE_BODY);
        }
        int limit = context.maxBodyBytes();
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw GraphError.REQUEST_ENTITY_TOO_LARGE.with("The request body exceeds the limit of " + limit
                        + " bytes.");
            }
            return Body.of(GraphJson.readObject(bytes.length == 0 ? "{}".getBytes() : bytes), allowed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
