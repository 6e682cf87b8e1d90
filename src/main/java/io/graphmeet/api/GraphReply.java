package io.graphmeet.api;

import java.util.HashMap;
import java.util.Map;

/** A successful Graph response: status, JSON body (null for none) and extra headers. */
record GraphReply(int status, byte[] body, Map<String, String> headers) {

    GraphReply {
        headers = Map.copyOf(headers);
    }

    static GraphReply json(int status, byte[] body) {
        return new GraphReply(status, body, Map.of());
    }

    static GraphReply noContent() {
        return new GraphReply(204, null, Map.of());
    }

    GraphReply withHeader(String name, String value) {
        var copy = new HashMap<>(headers);
        copy.put(name, value);
        return new GraphReply(status, body, copy);
    }
}
