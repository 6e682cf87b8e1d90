package io.graphmeet.admin;

import io.graphmeet.api.json.GraphJson;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.http.ErrorEnvelope;
import io.graphmeet.http.RequestIds;
import io.graphmeet.meetings.StoreUnavailableException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import static io.helidon.http.Method.DELETE;
import static io.helidon.http.Method.GET;
import static io.helidon.http.Method.PATCH;
import static io.helidon.http.Method.POST;
import static io.helidon.http.Method.PUT;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin API's routes, in one table, and the one place where its replies and errors are written: the same
 * Graph error envelope and request ids as the Graph API. Every route demands the admin key.
 */
public final class AdminRoutes {

    /** The prefix of every admin route. */
    public static final String BASE = "/admin/v1";

    private static final Logger LOG = Logger.getLogger(AdminRoutes.class.getName());
    private static final HeaderName REQUEST_ID = HeaderNames.create("request-id");
    private static final HeaderName CLIENT_REQUEST_ID = HeaderNames.create("client-request-id");
    private static final String TENANT = BASE + "/tenants/{tenantId}";

    private final AdminContext context;

    private AdminRoutes(AdminContext context) {
        this.context = context;
    }

    /** Adds every admin route to {@code routing}. */
    public static void register(HttpRouting.Builder routing, AdminContext context) {
        AdminRoutes routes = new AdminRoutes(context);
        TenantsEndpoint tenants = new TenantsEndpoint();
        UsersEndpoint users = new UsersEndpoint();
        AppsEndpoint apps = new AppsEndpoint();
        PoliciesEndpoint policies = new PoliciesEndpoint();
        GrantsEndpoint grants = new GrantsEndpoint();
        KeysEndpoint keys = new KeysEndpoint();
        routes.route(routing, BASE + "/tenants", on(GET, tenants::list), on(POST, tenants::create));
        routes.route(routing, TENANT, on(GET, tenants::get), on(DELETE, tenants::delete));
        routes.route(routing, TENANT + "/reset", on(POST, tenants::reset));
        routes.route(routing, TENANT + "/users", on(GET, users::list), on(POST, users::create));
        routes.route(routing, TENANT + "/users/{userId}",
                on(GET, users::get), on(PATCH, users::update), on(DELETE, users::delete));
        routes.route(routing, TENANT + "/apps", on(GET, apps::list), on(POST, apps::create));
        routes.route(routing, TENANT + "/apps/{appId}",
                on(GET, apps::get), on(PATCH, apps::update), on(DELETE, apps::delete));
        routes.route(routing, TENANT + "/apps/{appId}/secrets", on(POST, apps::addSecret));
        routes.route(routing, TENANT + "/apps/{appId}/secrets/{secretId}", on(DELETE, apps::removeSecret));
        routes.route(routing, TENANT + "/policies", on(GET, policies::list), on(POST, policies::create));
        routes.route(routing, TENANT + "/policies/{identity}",
                on(GET, policies::get), on(PATCH, policies::update), on(DELETE, policies::delete));
        routes.route(routing, TENANT + "/grants", on(GET, grants::list));
        routes.route(routing, TENANT + "/grants/global", on(PUT, grants::grantGlobally), on(DELETE, grants::revokeGlobal));
        routes.route(routing, TENANT + "/grants/users/{userId}",
                on(PUT, grants::grantToUser), on(DELETE, grants::revokeFromUser));
        routes.route(routing, BASE + "/issuer/keys", on(GET, keys::list));
        routes.route(routing, BASE + "/issuer/keys/rotate", on(POST, keys::rotate));
        routing.any(routes.adapt(exchange -> {
            throw GraphError.NOT_FOUND.with("No admin route matches this path; see docs/offline-dev.md.");
        }));
    }

    /** Registers {@code path} with its operations; other methods on the path get 405. */
    private void route(HttpRouting.Builder routing, String path, Operation... operations) {
        for (Operation operation : operations) {
            routing.route(operation.method(), path, adapt(operation.endpoint()));
        }
        routing.any(path, adapt(exchange -> {
            throw GraphError.METHOD_NOT_ALLOWED.with("The HTTP method is not allowed for this resource.");
        }));
    }

    private Handler adapt(AdminEndpoint endpoint) {
        return (request, response) -> {
            RequestIds ids = RequestIds.forRequest(request.headers().first(CLIENT_REQUEST_ID).orElse(null));
            AdminReply reply;
            try {
                if (!context.key().matches(bearer(request.headers().first(HeaderNames.AUTHORIZATION).orElse(null)))) {
                    throw GraphError.UNAUTHORIZED.with("Missing or wrong admin key: send 'Authorization: Bearer "
                            + "{admin.key}'.");
                }
                reply = endpoint.handle(new AdminExchange(request, context));
            } catch (GraphException e) {
                reply = error(e.error(), e.getMessage(), ids);
            } catch (StoreUnavailableException e) {
                LOG.log(Level.SEVERE, "store unavailable, request-id " + ids.requestId(), e);
                reply = error(GraphError.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.", ids);
            } catch (ServerConnectionException e) {
                throw e; // the client is gone (or was cut off for sending too slowly): nothing to answer
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "unexpected admin failure, request-id " + ids.requestId(), e);
                reply = error(GraphError.INTERNAL_SERVER_ERROR, "An internal server error occurred.", ids);
            }
            send(response, reply, ids);
        };
    }

    private AdminReply error(GraphError error, String message, RequestIds ids) {
        return new AdminReply(error.status(), ErrorEnvelope.render(error, message, ids, context.clock().instant()));
    }

    private static void send(ServerResponse response, AdminReply reply, RequestIds ids) {
        response.status(Status.create(reply.status()));
        response.header(REQUEST_ID, ids.requestId());
        response.header(CLIENT_REQUEST_ID, ids.clientRequestId());
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (reply.status() == 401) {
            response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"graphmeet-admin\"");
        }
        if (reply.body() == null) {
            response.send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.send(reply.body() instanceof byte[] bytes ? bytes : GraphJson.write(reply.body()));
    }

    private static Operation on(Method method, AdminEndpoint endpoint) {
        return new Operation(method, endpoint);
    }

    /** One row of the route table: a method and the endpoint serving it. */
    private record Operation(Method method, AdminEndpoint endpoint) {}

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
