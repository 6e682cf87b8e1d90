package io.graphmeet.http;

import io.graphmeet.failure.StoreUnavailableException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one adapter between Helidon and a surface's endpoints: it gives each request its ids, builds the surface's
 * exchange, runs the route's guard and then its endpoint, turns every failure into the surface's error reply,
 * writes the response, and lets the surface's {@link Observer} watch it all.
 */
public final class Edge<X> {

    private static final Logger LOG = Logger.getLogger(Edge.class.getName());

    private final Surface surface;
    private final Exchanges<X> exchanges;
    private final Observer<X> observer;

    public Edge(Surface surface, Exchanges<X> exchanges) {
        this(surface, exchanges, Observer.none());
    }

    public Edge(Surface surface, Exchanges<X> exchanges, Observer<X> observer) {
        this.surface = surface;
        this.exchanges = exchanges;
        this.observer = observer;
    }

    /** How a surface sees one request. */
    @FunctionalInterface
    public interface Exchanges<X> {

        X of(ServerRequest request, RequestIds ids);
    }

    /** A Helidon handler for {@code operation} that admits the caller with {@code guard}, then runs {@code endpoint}. */
    public Handler handler(Operation operation, Guard<X> guard, Endpoint<X> endpoint) {
        return (request, response) -> {
            long started = System.nanoTime();
            RequestIds ids = RequestIds.of(request);
            Observer.Observation<X> observation = observer.start(request, ids, operation);
            Answer<X> answer = answer(request, ids, guard, endpoint);
            Map<String, String> observed = observation.replying(answer.exchange(), answer.reply());
            if (answer.withheld()) {
                observation.answered(answer.exchange(), answer.reply(), System.nanoTime() - started);
                // Helidon closes the connection, unanswered, on this exception from a route
                throw new CloseConnectionException("the answer is withheld");
            }
            send(response, answer.reply(), ids, observed);
            observation.answered(answer.exchange(), answer.reply(), System.nanoTime() - started);
        };
    }

    private Answer<X> answer(ServerRequest request, RequestIds ids, Guard<X> guard, Endpoint<X> endpoint) {
        X exchange = null;
        try {
            exchange = exchanges.of(request, ids);
            guard.admit(exchange);
            return new Answer<>(exchange, endpoint.handle(exchange));
        } catch (ServerConnectionException e) {
            throw e; // the client is gone (or was cut off for sending too slowly): nothing to answer
        } catch (AnswerWithheldException e) {
            return new Answer<>(exchange, e.reply(), true);
        } catch (StoreUnavailableException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the HTTP server interrupts the threads of connections it closes as it stops: not a store failure
                LOG.info(surface.name() + ": request-id " + ids.requestId() + " cut off while the server stops");
            } else {
                LOG.log(Level.SEVERE, surface.name() + ": store unavailable, request-id " + ids.requestId(), e);
            }
            return new Answer<>(exchange, surface.errors().unavailable(ids));
        } catch (RuntimeException e) {
            Reply known = surface.errors().known(e, ids);
            if (known != null) {
                return new Answer<>(exchange, known);
            }
            LOG.log(Level.SEVERE, surface.name() + ": unexpected failure, request-id " + ids.requestId(), e);
            return new Answer<>(exchange, surface.errors().internalError(ids));
        }
    }

    private void send(ServerResponse response, Reply reply, RequestIds ids, Map<String, String> observed) {
        response.status(Status.create(reply.status()));
        response.header(surface.requestIdHeader(), ids.requestId());
        response.header(RequestIds.CLIENT_REQUEST_ID, ids.clientRequestId());
        surface.headers().forEach(response::header);
        observed.forEach(response::header);
        reply.headers().forEach(response::header);
        if (reply.body() == null) {
            response.send();
        } else {
            response.header(surface.jsonContentType());
            response.send(reply.body());
        }
    }

    /** The exchange (null if it could not be built), what it was answered, and whether that answer is withheld. */
    private record Answer<X>(X exchange, Reply reply, boolean withheld) {

        Answer(X exchange, Reply reply) {
            this(exchange, reply, false);
        }
    }
}
