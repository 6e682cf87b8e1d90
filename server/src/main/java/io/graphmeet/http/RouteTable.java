package io.graphmeet.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.List;

/**
 * A surface's route table, read at a glance: each row a path, a method, the guard that admits a caller, and the
 * endpoint. The table runs the guard before the endpoint, so an endpoint cannot forget its permission.
 */
public final class RouteTable<X> {

    private final HttpRouting.Builder routing;
    private final Edge<X> edge;
    private final Guard<X> refusals;
    private final Endpoint<X> methodNotAllowed;
    private final List<Row<X>> rows = new ArrayList<>();

    /**
     * A table adding routes to {@code routing}; {@code methodNotAllowed} answers other methods on a
     * {@linkplain #path listed path} and {@code refusals} guards it and {@link #otherwise}.
     */
    public RouteTable(HttpRouting.Builder routing, Edge<X> edge, Guard<X> refusals, Endpoint<X> methodNotAllowed) {
        this.routing = routing;
        this.edge = edge;
        this.refusals = refusals;
        this.methodNotAllowed = methodNotAllowed;
    }

    /**
     * One operation on a path: its method, who may call it, the endpoint that serves it, and its name for those
     * who watch requests (the method's, unless {@linkplain #named named}).
     */
    public record Route<X>(Method method, Guard<X> guard, Endpoint<X> endpoint, String name) {

        /** This route under the operation name {@code name}, e.g. Graph's {@code createOrGet}. */
        public Route<X> named(String name) {
            return new Route<>(method, guard, endpoint, name);
        }
    }

    /** One row of the table as it was registered. */
    public record Row<X>(String path, Method method, Guard<X> guard) {}

    public static <X> Route<X> on(Method method, Guard<X> guard, Endpoint<X> endpoint) {
        return new Route<>(method, guard, endpoint, method.text());
    }

    /** Serves {@code routes} on {@code path}; any other method on it gets the surface's 405 answer. */
    @SafeVarargs
    public final RouteTable<X> path(String path, Route<X>... routes) {
        for (Route<X> route : routes) {
            route(path, route);
        }
        routing.any(path, edge.handler(new Operation(path, Operation.UNMATCHED), refusals, methodNotAllowed));
        return this;
    }

    /** Serves one route on {@code path}; other methods on it go on to later rows. */
    public RouteTable<X> route(String path, Route<X> route) {
        routing.route(
                route.method(), path, edge.handler(new Operation(path, route.name()), route.guard(), route.endpoint()));
        rows.add(new Row<>(path, route.method(), route.guard()));
        return this;
    }

    /** Answers every request that no row matched; register it last. */
    public void otherwise(Endpoint<X> endpoint) {
        routing.any(edge.handler(new Operation(Operation.ANY_PATH, Operation.UNMATCHED), refusals, endpoint));
    }

    /** Every row registered so far, in order. */
    public List<Row<X>> rows() {
        return List.copyOf(rows);
    }
}
