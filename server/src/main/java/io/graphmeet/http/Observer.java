package io.graphmeet.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.Map;

/**
 * Watches a surface's requests for metrics, logs and traces. The edge starts an observation when a request
 * arrives, shows it the reply before sending it, and tells it how long the answer took once it is sent.
 */
@FunctionalInterface
public interface Observer<X> {

    Observation<X> start(ServerRequest request, RequestIds ids, Operation operation);

    /** Watches nothing: for surfaces that are not observed. */
    static <X> Observer<X> none() {
        return (request, ids, operation) -> new Observation<>() {
            @Override
            public void answered(X exchange, Reply reply, long nanos) {}
        };
    }

    /** One request being watched. */
    interface Observation<X> {

        /**
         * Called just before {@code reply} is sent, for what must be counted before the client can see it; returns
         * the headers this observation adds to the reply, such as {@code traceparent}. {@code exchange} is null
         * when the request could not even be read as one.
         */
        default Map<String, String> replying(X exchange, Reply reply) {
            return Map.of();
        }

        /** The request was answered with {@code reply}, sent {@code nanos} after it arrived. */
        void answered(X exchange, Reply reply, long nanos);
    }
}
