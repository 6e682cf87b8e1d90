package io.graphmeet.api;

import io.graphmeet.auth.Caller;
import io.graphmeet.http.Observer;
import io.graphmeet.http.Operation;
import io.graphmeet.http.Reply;
import io.graphmeet.http.RequestIds;
import io.graphmeet.meetings.Organizer;
import io.graphmeet.observe.AccessLogEntry;
import io.graphmeet.observe.GraphOperation;
import io.graphmeet.observe.Metrics;
import io.graphmeet.observe.TraceContext;
import io.graphmeet.observe.Tracing;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;

/**
 * Watches every Graph request: its span in the caller's trace ({@code traceparent} in and out), the meetings it
 * created for the monthly throttling count, then metrics, one access-log line and its request journal entry.
 */
record GraphObserver(GraphContext context) implements Observer<GraphExchange> {

    private static final HeaderName TRACEPARENT = HeaderNames.create(TraceContext.TRACEPARENT);

    @Override
    public Observation<GraphExchange> start(ServerRequest request, RequestIds ids, Operation route) {
        String method = request.prologue().method().text();
        GraphOperation operation = GraphOperation.ofLabel(route.name());
        Tracing.RequestSpan span = context.tracing()
                .start(request.headers().first(TRACEPARENT).orElse(null), operation, method, route.pathTemplate());
        Journaling.Arrival arrival = context.journal().enabled()
                ? new Journaling.Arrival(
                        System.nanoTime(),
                        context.clock().instant(),
                        method,
                        request.path().path(),
                        query(request))
                : null;
        return new Watched(method, route.pathTemplate(), operation, ids, span, arrival);
    }

    private static String query(ServerRequest request) {
        String raw = request.query().rawValue();
        return raw == null || raw.isEmpty() ? null : raw;
    }

    /** One Graph request being watched. */
    private final class Watched implements Observation<GraphExchange> {

        private final String method;
        private final String pathTemplate;
        private final GraphOperation operation;
        private final RequestIds ids;
        private final Tracing.RequestSpan span;
        private final Journaling.Arrival arrival;

        Watched(
                String method,
                String pathTemplate,
                GraphOperation operation,
                RequestIds ids,
                Tracing.RequestSpan span,
                Journaling.Arrival arrival) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.operation = operation;
            this.ids = ids;
            this.span = span;
            this.arrival = arrival;
        }

        @Override
        public Map<String, String> replying(GraphExchange exchange, Reply reply) {
            if (context.throttle().enabled() && operation.createsMeetings() && reply.status() == 201) {
                Organizer organizer = exchange.organizer();
                context.throttle().meetingCreated(organizer.tenantId(), organizer.userId());
            }
            if (arrival != null) {
                // before the reply leaves, so that a client reading the journal once answered finds the entry
                Journaling.file(context.journal(), arrival, operation.label(), ids, exchange, reply);
            }
            return Map.of(TraceContext.TRACEPARENT, span.trace().traceparent());
        }

        @Override
        public void answered(GraphExchange exchange, Reply reply, long nanos) {
            span.end(reply.status(), reply.errorCode());
            Metrics metrics = context.metrics();
            metrics.recordRequest(operation, reply.status(), nanos);
            if (operation == GraphOperation.CREATE_OR_GET && reply.status() / 100 == 2) {
                metrics.recordCreateOrGet(reply.status() == 201);
            }
            Caller caller = exchange == null ? null : exchange.verifiedCaller();
            TraceContext trace = span.trace();
            context.accessLog()
                    .write(new AccessLogEntry(
                            context.clock().instant().toString(),
                            ids.requestId(),
                            ids.clientRequestId(),
                            trace.traceId(),
                            trace.spanId(),
                            trace.parentSpanId(),
                            method,
                            pathTemplate,
                            operation.label(),
                            caller == null ? null : caller.tenantId(),
                            caller == null ? null : caller.appId(),
                            caller instanceof Caller.Delegated delegated ? delegated.userId() : null,
                            reply.status(),
                            reply.errorCode(),
                            nanos / 1_000_000.0,
                            reply.body() == null ? 0 : reply.body().length));
        }
    }
}
