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
        return exchange -> {};
    }

    /** This guard, then {@code next} for the callers this one admitted. */
    default Guard<X> then(Guard<X> next) {
        return new Sequence<>(this, next);
    }

    /** Two guards, run in order. */
    record Sequence<X>(Guard<X> first, Guard<X> second) implements Guard<X> {

        @Override
        public void admit(X exchange) {
            first.admit(exchange);
            second.admit(exchange);
        }
    }
}
