package io.graphmeet.api;

import static io.graphmeet.observe.GraphOperation.CREATE;
import static io.graphmeet.observe.GraphOperation.CREATE_OR_GET;
import static io.graphmeet.observe.GraphOperation.LIST;
import static io.graphmeet.observe.GraphOperation.UPDATE;
import static io.helidon.http.Method.DELETE;
import static io.helidon.http.Method.GET;
import static io.helidon.http.Method.PATCH;
import static io.helidon.http.Method.POST;

import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.auth.Access;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.Edge;
import io.graphmeet.http.Endpoint;
import io.graphmeet.http.Guard;
import io.graphmeet.http.RequestBody;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RouteTable;
import io.graphmeet.http.Surface;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.observe.GraphOperation;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;

/** The Graph-compatible routes, in one table: method, path, the permission each needs, and its endpoint. */
public final class GraphRoutes {

    private static final List<String> VERSIONS = List.of("/v1.0", "/beta");
    private static final Header ODATA_VERSION_4 = HeaderValues.createCached("OData-Version", "4.0");
    private static final Header NO_CACHE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-cache");
    private static final Header JSON_CONTENT_TYPE = HeaderValues.createCached(
            HeaderNames.CONTENT_TYPE,
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");

    private GraphRoutes() {}

    /** Adds every Graph route to {@code routing}. */
    public static void register(
            HttpRouting.Builder routing, GraphContext context, MeetingService meetings, MeetingJson json) {
        table(routing, context, meetings, json).otherwise(exchange -> {
            throw GraphError.BAD_REQUEST.with("Resource not found for the segment '" + lastSegment(exchange) + "'.");
        });
    }

    /** The route table without its catch-all, so a test can read its rows or add one. */
    static RouteTable<GraphExchange> table(
            HttpRouting.Builder routing, GraphContext context, MeetingService meetings, MeetingJson json) {
        RouteTable<GraphExchange> table = new RouteTable<>(routing, edge(context), Guard.open(), exchange -> {
            throw GraphError.METHOD_NOT_ALLOWED.with("The HTTP method is not allowed for this resource.");
        });
        OnlineMeetingsEndpoint onlineMeetings = new OnlineMeetingsEndpoint(meetings, json);
        for (String version : VERSIONS) {
            for (String owner : List.of("/me", "/users/{userId}")) {
                String collection = version + owner + "/onlineMeetings";
                table.path(
                        collection + "/createOrGet",
                        on(POST, CREATE_OR_GET, Access.WRITE, onlineMeetings::createOrGet));
                table.path(
                        collection,
                        on(POST, CREATE, Access.WRITE, onlineMeetings::create),
                        on(GET, LIST, Access.READ, onlineMeetings::find));
                table.path(
                        collection + "/{+meetingId}",
                        on(GET, GraphOperation.GET, Access.READ, onlineMeetings::get),
                        on(PATCH, UPDATE, Access.WRITE, onlineMeetings::update),
                        on(DELETE, GraphOperation.DELETE, Access.WRITE, onlineMeetings::delete));
            }
        }
        return table;
    }

    static Edge<GraphExchange> edge(GraphContext context) {
        RequestBody body = new RequestBody(context.maxBodyBytes());
        Surface graph = new Surface(
                "graph",
                RequestIds.REQUEST_ID,
                JSON_CONTENT_TYPE,
                List.of(ODATA_VERSION_4, NO_CACHE),
                GraphErrors.replies(context.clock()));
        return new Edge<>(
                graph, (request, ids) -> new GraphExchange(request, context, body), new GraphObserver(context));
    }

    /**
     * A route for Graph's {@code operation}: the caller must hold {@code access}, then pass the throttle, before
     * {@code endpoint} runs under the scripted fault rules.
     */
    static RouteTable.Route<GraphExchange> on(
            Method method, GraphOperation operation, Access access, Endpoint<GraphExchange> endpoint) {
        return RouteTable.on(
                        method,
                        new Permission(access).then(new Throttling(operation)),
                        new ScriptedFaults(operation, endpoint))
                .named(operation.label());
    }

    /** The permission a route declares; the table authorizes the caller for it before the endpoint runs. */
    record Permission(Access access) implements Guard<GraphExchange> {

        @Override
        public void admit(GraphExchange exchange) {
            exchange.authorize(access);
        }
    }

    private static String lastSegment(GraphExchange exchange) {
        return exchange.path().substring(exchange.path().lastIndexOf('/') + 1);
    }
}
