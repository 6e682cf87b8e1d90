package io.graphmeet.http;

import io.graphmeet.failure.StoreUnavailableException;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one adapter between Helidon and a surface's endpoints: it gives each request its ids, builds the surface's
 * exchange, runs the route's guard and then its endpoint, turns every failure into the surface's error reply, and
 * writes the response.
 */
public final class Edge<X> {

    private static final Logger LOG = Logger.getLogger(Edge.class.getName());

    private final Surface surface;
    private final Exchanges<X> exchanges;

    public Edge(Surface surface, Exchanges<X> exchanges) {
        this.surface = surface;
        this.exchanges = exchanges;
    }

    /** How a surface sees one request. */
    @FunctionalInterface
    public interface Exchanges<X> {

        X of(ServerRequest request, RequestIds ids);
    }

    /** A Helidon handler that admits the caller with {@code guard}, then runs {@code endpoint}. */
    public Handler handler(Guard<X> guard, Endpoint<X> endpoint) {
        return (request, response) -> {
            RequestIds ids = RequestIds.of(request);
            send(response, reply(request, ids, guard, endpoint), ids);
        };
    }

    private Reply reply(ServerRequest request, RequestIds ids, Guard<X> guard, Endpoint<X> endpoint) {
        try {
            X exchange = exchanges.of(request, ids);
            guard.admit(exchange);
            return endpoint.handle(exchange);
        } catch (ServerConnectionException e) {
            throw e; // the client is gone (or was cut off for sending too slowly): nothing to answer
        } catch (StoreUnavailableException e) {
            LOG.log(Level.SEVERE, surface.name() + ": store unavailable, request-id " + ids.requestId(), e);
            return surface.errors().unavailable(ids);
        } catch (RuntimeException e) {
            Reply known = surface.errors().known(e, ids);
            if (known != null) {
                return known;
            }
            LOG.log(Level.SEVERE, surface.name() + ": unexpected failure, request-id " + ids.requestId(), e);
            return surface.errors().internalError(ids);
        }
    }

    private void send(ServerResponse response, Reply reply, RequestIds ids) {
        response.status(Status.create(reply.status()));
        response.header(surface.requestIdHeader(), ids.requestId());
        response.header(RequestIds.CLIENT_REQUEST_ID, ids.clientRequestId());
        surface.headers().forEach(response::header);
        reply.headers().forEach(response::header);
        if (reply.body() == null) {
            response.send();
        } else {
            response.header(surface.jsonContentType());
            response.send(reply.body());
        }
    }
}
