package io.graphmeet.api;

import io.graphmeet.errors.GraphError;
import java.util.HashMap;
import java.util.Map;

/**
 * A Graph response: status, JSON body (null for none), extra headers and, for an error, Graph's error code (for the
 * access log).
 */
record GraphReply(int status, byte[] body, Map<String, String> headers, String errorCode) {

    GraphReply {
        headers = Map.copyOf(headers);
    }

    static GraphReply json(int status, byte[] body) {
        return new GraphReply(status, body, Map.of(), null);
    }

    static GraphReply error(GraphError error, byte[] body) {
        return new GraphReply(error.status(), body, Map.of(), error.code());
    }

    static GraphReply noContent() {
        return new GraphReply(204, null, Map.of(), null);
    }

    GraphReply withHeader(String name, String value) {
        var copy = new HashMap<>(headers);
        copy.put(name, value);
        return new GraphReply(status, body, copy, errorCode);
    }
}
