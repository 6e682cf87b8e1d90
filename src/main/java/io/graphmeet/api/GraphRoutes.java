package io.graphmeet.api;

import io.graphmeet.api.json.MeetingJson;
import io.graphmeet.auth.Access;
import io.graphmeet.auth.Caller;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import io.graphmeet.http.ErrorEnvelope;
import io.graphmeet.http.RequestIds;
import io.graphmeet.meetings.InvalidMeetingException;
import io.graphmeet.meetings.MeetingAccessDeniedException;
import io.graphmeet.meetings.MeetingNotFoundException;
import io.graphmeet.meetings.MeetingService;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.meetings.StoreUnavailableException;
import io.graphmeet.observe.AccessLogEntry;
import io.graphmeet.observe.GraphOperation;
import io.graphmeet.observe.Metrics;
import io.graphmeet.observe.TraceContext;
import io.graphmeet.observe.Tracing;
import io.graphmeet.throttle.Refusal;
import io.graphmeet.throttle.Throttle;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The Graph-compatible routes, in one table, and the one place where replies and errors are written. */
public final class GraphRoutes {

    private static final Logger LOG = Logger.getLogger(GraphRoutes.class.getName());
    private static final List<String> VERSIONS = List.of("/v1.0", "/beta");
    private static final HeaderName REQUEST_ID = HeaderNames.create("request-id");
    private static final HeaderName CLIENT_REQUEST_ID = HeaderNames.create("client-request-id");
    private static final HeaderName TRACEPARENT = HeaderNames.create(TraceContext.TRACEPARENT);
    private static final String UNMATCHED_PATH = "*";
    private static final String THROTTLED = "Please retry again later.";
    private static final Header ODATA_VERSION_4 = HeaderValues.createCached("OData-Version", "4.0");
    private static final Header NO_CACHE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-cache");
    private static final Header JSON_CONTENT_TYPE = HeaderValues.createCached(HeaderNames.CONTENT_TYPE,
            "application/json;odata.metadata=minimal;odata.streaming=true;"
            + "IEEE754Compatible=false;charset=utf-8");
    private static final String MEETING_NOT_FOUND = "3004: Specified meeting is not found";
    private static final String WWW_AUTHENTICATE = "Bearer realm=\"\", "
            + "client_id=\"00000003-0000-0000-c000-000000000000\"";

    private final GraphContext context;

    private GraphRoutes(GraphContext context) {
        this.context = context;
    }

    /** Adds every Graph route to {@code routing}. */
    public static void register(HttpRouting.Builder routing, GraphContext context, MeetingService meetings,
            MeetingJson json) {
        GraphRoutes routes = new GraphRoutes(context);
        OnlineMeetingsEndpoint onlineMeetings = new OnlineMeetingsEndpoint(meetings, json);
        for (String version : VERSIONS) {
            for (String owner : List.of("/me", "/users/{userId}")) {
                String collection = version + owner + "/onlineMeetings";
                routes.path(routing, collection + "/createOrGet",
                        on(Method.POST, GraphOperation.CREATE_OR_GET, Access.WRITE, onlineMeetings::createOrGet));
                routes.path(routing, collection,
                        on(Method.POST, GraphOperation.CREATE, Access.WRITE, onlineMeetings::create),
                        on(Method.GET, GraphOperation.LIST, Access.READ, onlineMeetings::find));
                routes.path(routing, collection + "/{+meetingId}",
                        on(Method.GET, GraphOperation.GET, Access.READ, onlineMeetings::get),
                        on(Method.PATCH, GraphOperation.UPDATE, Access.WRITE, onlineMeetings::update),
                        on(Method.DELETE, GraphOperation.DELETE, Access.WRITE, onlineMeetings::delete));
            }
        }
        routing.any(routes.adapt(UNMATCHED_PATH, GraphOperation.UNMATCHED, Access.READ, exchange -> {
            throw GraphError.BAD_REQUEST.with("Resource not found for the segment '" + lastSegment(exchange) + "'.");
        }));
    }

    private static Operation on(Method method, GraphOperation name, Access access, GraphEndpoint endpoint) {
        return new Operation(method, name, access, endpoint);
    }

    /** Serves {@code operations} on {@code path}; any other method gets {@code 405}. */
    private void path(HttpRouting.Builder routing, String path, Operation... operations) {
        for (Operation operation : operations) {
            routing.route(operation.method(), path,
                    adapt(path, operation.name(), operation.access(), operation.endpoint()));
        }
        routing.any(path, adapt(path, GraphOperation.UNMATCHED, Access.READ, exchange -> {
            throw GraphError.METHOD_NOT_ALLOWED.with("The HTTP method is not allowed for this resource.");
        }));
    }

    /**
     * The one place every Graph request passes: throttling, the endpoint, errors to Graph's envelope, the reply,
     * then metrics and the access log.
     */
    private Handler adapt(String pathTemplate, GraphOperation operation, Access access, GraphEndpoint endpoint) {
        return (request, response) -> {
            long started = System.nanoTime();
            RequestIds ids = RequestIds.forRequest(request.headers().first(CLIENT_REQUEST_ID).orElse(null));
            String method = request.prologue().method().text();
            Tracing.RequestSpan span = context.tracing().start(request.headers().first(TRACEPARENT).orElse(null),
                    operation, method, pathTemplate);
            TraceContext trace = span.trace();
            GraphExchange exchange = new GraphExchange(request, context, access);
            GraphReply reply;
            try {
                reply = throttled(exchange, operation, ids);
                if (reply == null) {
                    reply = endpoint.handle(exchange);
                    countCreated(exchange, operation, reply);
                }
            } catch (GraphException e) {
                reply = error(e.error(), e.getMessage(), ids);
            } catch (InvalidMeetingException e) {
                reply = error(GraphError.BAD_REQUEST, e.getMessage(), ids);
            } catch (MeetingNotFoundException e) {
                reply = error(GraphError.NOT_FOUND, MEETING_NOT_FOUND, ids);
            } catch (MeetingAccessDeniedException e) {
                reply = error(GraphError.FORBIDDEN, e.getMessage(), ids);
            } catch (StoreUnavailableException e) {
                LOG.log(Level.SEVERE, "store unavailable, request-id " + ids.requestId(), e);
                reply = error(GraphError.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.", ids)
                        .withHeader("Retry-After", "1");
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "unexpected failure, request-id " + ids.requestId(), e);
                reply = error(GraphError.INTERNAL_SERVER_ERROR, "An internal server error occurred.", ids);
            }
            send(response, reply, ids, trace);
            span.end(reply.status(), reply.errorCode());
            observe(new Answered(method, pathTemplate, operation, exchange, reply, ids, trace, started));
        };
    }

    /** A 429 when the throttle refuses this request, else null. */
    private GraphReply throttled(GraphExchange exchange, GraphOperation operation, RequestIds ids) {
        Throttle throttle = context.throttle();
        if (!throttle.enabled() || operation == GraphOperation.UNMATCHED) {
            return null;
        }
        Caller caller = exchange.caller();
        Optional<Refusal> refusal = throttle.admitRequest(caller.tenantId(), caller.appId());
        if (refusal.isEmpty() && operation.createsMeetings()) {
            Organizer organizer = exchange.organizer();
            refusal = throttle.admitMeetingCreation(organizer.tenantId(), organizer.userId());
        }
        return refusal.map(over -> {
            context.metrics().recordThrottled(operation, over.limit());
            return error(GraphError.TOO_MANY_REQUESTS, THROTTLED, ids)
                    .withHeader("Retry-After", Long.toString(over.retryAfterSeconds()));
        }).orElse(null);
    }

    private void countCreated(GraphExchange exchange, GraphOperation operation, GraphReply reply) {
        if (context.throttle().enabled() && operation.createsMeetings() && reply.status() == 201) {
            Organizer organizer = exchange.organizer();
            context.throttle().meetingCreated(organizer.tenantId(), organizer.userId());
        }
    }

    private void observe(Answered answered) {
        GraphReply reply = answered.reply();
        long nanos = System.nanoTime() - answered.startedNanos();
        Metrics metrics = context.metrics();
        metrics.recordRequest(answered.operation(), reply.status(), nanos);
        if (answered.operation() == GraphOperation.CREATE_OR_GET && reply.status() / 100 == 2) {
            metrics.recordCreateOrGet(reply.status() == 201);
        }
        Caller caller = answered.exchange().verifiedCaller();
        context.accessLog().write(new AccessLogEntry(context.clock().instant().toString(),
                answered.ids().requestId(), answered.ids().clientRequestId(), answered.trace().traceId(),
                answered.trace().spanId(), answered.trace().parentSpanId(), answered.method(),
                answered.pathTemplate(), answered.operation().label(),
                caller == null ? null : caller.tenantId(), caller == null ? null : caller.appId(),
                caller instanceof Caller.Delegated delegated ? delegated.userId() : null,
                reply.status(), reply.errorCode(), nanos / 1_000_000.0, reply.body() == null ? 0 : reply.body().length));
    }

    private GraphReply error(GraphError error, String message, RequestIds ids) {
        GraphReply reply = GraphReply.error(error, ErrorEnvelope.render(error, message, ids, context.clock().instant()));
        return error.status() == 401 ? reply.withHeader("WWW-Authenticate", WWW_AUTHENTICATE) : reply;
    }

    private static void send(ServerResponse response, GraphReply reply, RequestIds ids, TraceContext trace) {
        response.status(Status.create(reply.status()));
        response.header(REQUEST_ID, ids.requestId());
        response.header(CLIENT_REQUEST_ID, ids.clientRequestId());
        response.header(TRACEPARENT, trace.traceparent());
        response.header(ODATA_VERSION_4);
        response.header(NO_CACHE);
        reply.headers().forEach(response::header);
        if (reply.body() == null) {
            response.send();
        } else {
            response.header(JSON_CONTENT_TYPE);
            response.send(reply.body());
        }
    }

    private static String lastSegment(GraphExchange exchange) {
        return exchange.path().substring(exchange.path().lastIndexOf('/') + 1);
    }

    /** One row of the route table: method, Graph's name of the operation, the permission it needs, its handler. */
    private record Operation(Method method, GraphOperation name, Access access, GraphEndpoint endpoint) {}

    /** A request once answered, for metrics and the access log. */
    private record Answered(String method, String pathTemplate, GraphOperation operation, GraphExchange exchange,
            GraphReply reply, RequestIds ids, TraceContext trace, long startedNanos) {}
}
