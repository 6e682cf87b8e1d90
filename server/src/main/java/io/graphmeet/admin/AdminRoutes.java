package io.graphmeet.admin;

import static io.helidon.http.Method.DELETE;
import static io.helidon.http.Method.GET;
import static io.helidon.http.Method.PATCH;
import static io.helidon.http.Method.POST;
import static io.helidon.http.Method.PUT;

import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphErrorReplies;
import io.graphmeet.http.Edge;
import io.graphmeet.http.Endpoint;
import io.graphmeet.http.Guard;
import io.graphmeet.http.RequestBody;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RouteTable;
import io.graphmeet.http.Surface;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;

/**
 * The admin API's routes, in one table, answering with the same Graph error envelope and request ids as the Graph
 * API. Every route, and every refusal, demands the admin key (or a console session: {@link AdminSessions}).
 */
public final class AdminRoutes {

    /** The prefix of every admin route. */
    public static final String BASE = "/admin/v1";

    private static final String TENANT = BASE + "/tenants/{tenantId}";
    private static final String CHALLENGE = "Bearer realm=\"graphmeet-admin\"";

    private AdminRoutes() {}

    /** Adds every admin route to {@code routing}. */
    public static void register(HttpRouting.Builder routing, AdminContext context, AdminSessions sessions) {
        Guard<AdminExchange> adminKey = AdminExchange::requireAdminKey;
        RouteTable<AdminExchange> routes = new RouteTable<>(routing, edge(context, sessions), adminKey, exchange -> {
            throw GraphError.METHOD_NOT_ALLOWED.with("The HTTP method is not allowed for this resource.");
        });
        TenantsEndpoint tenants = new TenantsEndpoint();
        UsersEndpoint users = new UsersEndpoint();
        AppsEndpoint apps = new AppsEndpoint();
        PoliciesEndpoint policies = new PoliciesEndpoint();
        GrantsEndpoint grants = new GrantsEndpoint();
        KeysEndpoint keys = new KeysEndpoint();
        RequestsEndpoint requests = new RequestsEndpoint();
        MeetingsEndpoint meetings = new MeetingsEndpoint();
        routes.path(BASE + "/tenants", on(GET, tenants::list), on(POST, tenants::create));
        routes.path(TENANT, on(GET, tenants::get), on(DELETE, tenants::delete));
        routes.path(TENANT + "/reset", on(POST, tenants::reset));
        routes.path(TENANT + "/users", on(GET, users::list), on(POST, users::create));
        routes.path(
                TENANT + "/users/{userId}", on(GET, users::get), on(PATCH, users::update), on(DELETE, users::delete));
        routes.path(TENANT + "/apps", on(GET, apps::list), on(POST, apps::create));
        routes.path(TENANT + "/apps/{appId}", on(GET, apps::get), on(PATCH, apps::update), on(DELETE, apps::delete));
        routes.path(TENANT + "/apps/{appId}/secrets", on(POST, apps::addSecret));
        routes.path(TENANT + "/apps/{appId}/secrets/{secretId}", on(DELETE, apps::removeSecret));
        routes.path(TENANT + "/policies", on(GET, policies::list), on(POST, policies::create));
        routes.path(
                TENANT + "/policies/{identity}",
                on(GET, policies::get),
                on(PATCH, policies::update),
                on(DELETE, policies::delete));
        routes.path(TENANT + "/grants", on(GET, grants::list));
        routes.path(TENANT + "/grants/global", on(PUT, grants::grantGlobally), on(DELETE, grants::revokeGlobal));
        routes.path(
                TENANT + "/grants/users/{userId}", on(PUT, grants::grantToUser), on(DELETE, grants::revokeFromUser));
        routes.path(TENANT + "/explain", on(GET, new ExplainEndpoint()::explain));
        routes.path(TENANT + "/requests", on(GET, requests::list), on(DELETE, requests::clear));
        routes.path(TENANT + "/meetings", on(GET, meetings::list));
        routes.path(TENANT + "/meetings/{+meetingId}", on(DELETE, meetings::delete));
        routes.path(BASE + "/issuer/keys", on(GET, keys::list));
        routes.path(BASE + "/issuer/keys/rotate", on(POST, keys::rotate));
        FaultsEndpoint faults = new FaultsEndpoint();
        routes.path(BASE + "/faults", on(GET, faults::list), on(POST, faults::create), on(DELETE, faults::clear));
        routes.path(BASE + "/faults/{faultId}", on(GET, faults::get), on(DELETE, faults::delete));
        routes.otherwise(exchange -> {
            throw GraphError.NOT_FOUND.with("No admin route matches this path; see docs/offline-dev.md.");
        });
    }

    private static Edge<AdminExchange> edge(AdminContext context, AdminSessions sessions) {
        RequestBody body = new RequestBody(context.maxBodyBytes());
        GraphErrorReplies errors = new GraphErrorReplies(context.clock(), CHALLENGE, failure -> null, 0);
        Surface admin = new Surface(
                "admin",
                RequestIds.REQUEST_ID,
                HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8"),
                List.of(HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store")),
                errors);
        return new Edge<>(admin, (request, ids) -> new AdminExchange(request, context, body, sessions));
    }

    /** A row of the table: every admin operation demands the admin key. */
    private static RouteTable.Route<AdminExchange> on(Method method, Endpoint<AdminExchange> endpoint) {
        return RouteTable.on(method, AdminExchange::requireAdminKey, endpoint);
    }
}
