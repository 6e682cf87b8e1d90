package io.graphmeet.join;

import io.helidon.webserver.http.ServerRequest;

/** One request for a page: its path and query as sent, and its query parameters decoded. */
final class JoinExchange {

    private final ServerRequest request;

    JoinExchange(ServerRequest request) {
        this.request = request;
    }

    /** The path and query exactly as the client sent them, escapes and all. */
    String rawPathAndQuery() {
        String query = request.query().rawValue();
        return request.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }

    /** The first value of a query parameter, decoded; null when absent. */
    String query(String name) {
        return request.query().first(name).orElse(null);
    }
}
