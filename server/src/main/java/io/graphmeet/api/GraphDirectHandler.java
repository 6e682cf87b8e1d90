package io.graphmeet.api;

import io.graphmeet.errors.ErrorEnvelope;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.RequestIds;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.time.Clock;

/**
 * Graph's error envelope for what the HTTP server refuses before any route runs (malformed request lines,
 * invalid methods, oversized headers, unsupported HTTP versions), so even those answers are Graph-shaped and
 * reveal nothing.
 */
public final class GraphDirectHandler implements DirectHandler {

    private final Clock clock;

    private GraphDirectHandler(Clock clock) {
        this.clock = clock;
    }

    /** Direct handlers that answer every event with Graph's envelope. */
    public static DirectHandlers all(Clock clock) {
        GraphDirectHandler handler = new GraphDirectHandler(clock);
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType event : EventType.values()) {
            handlers.addHandler(event, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        // Helidon reports a failure to read the request line or headers (a method that is not an HTTP token, say)
        // as an internal error without a request; a failure in a route always comes with its request.
        boolean unreadable =
                eventType == EventType.INTERNAL_ERROR && request.method().isEmpty();
        GraphError error = unreadable ? GraphError.BAD_REQUEST : errorFor(status.code());
        String reason = unreadable ? "the request line or a header is malformed" : status.reasonPhrase();
        RequestIds ids = RequestIds.forRequest(null);
        boolean busy = error == GraphError.SERVICE_UNAVAILABLE;
        TransportResponse.Builder response = TransportResponse.builder()
                .status(Status.create(error.status()))
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(RequestIds.REQUEST_ID, ids.requestId())
                .header(RequestIds.CLIENT_REQUEST_ID, ids.clientRequestId())
                .entity(ErrorEnvelope.render(
                        error,
                        busy
                                ? "Too many requests at once; retry shortly."
                                : "The request could not be read: " + reason + ".",
                        ids,
                        clock.instant()));
        if (busy) {
            response.header(HeaderNames.RETRY_AFTER, "1");
        }
        return response.build();
    }

    private static GraphError errorFor(int status) {
        for (GraphError error : GraphError.values()) {
            if (error.status() == status) {
                return error;
            }
        }
        return status >= 500 ? GraphError.INTERNAL_SERVER_ERROR : GraphError.BAD_REQUEST;
    }
}
