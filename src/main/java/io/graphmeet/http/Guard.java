package io.graphmeet.http;

/**
 * Who may call a route: it admits the exchange or throws the surface's refusal. The route table runs it before
 * the route's endpoint, so an endpoint cannot forget it.
 */
@FunctionalInterface
public interface Guard<X> {

    void admit(X exchange);

    /** A guard that admits everyone: for public routes and for refusals that need no caller. */
    static <X> Guard<X> open() {
        return exchange -> { };
    }
}
