package io.graphmeet.http;

import java.util.HashMap;
import java.util.Map;

/** What an endpoint answers: status, JSON body (null for none) and headers of its own. */
public record Reply(int status, byte[] body, Map<String, String> headers) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    /** A reply whose body is already JSON. */
    public static Reply json(int status, byte[] body) {
        return new Reply(status, body, Map.of());
    }

    /** A reply whose body is {@code value} written as JSON. */
    public static Reply of(int status, Object value) {
        return json(status, Json.write(value));
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    public Reply withHeader(String name, String value) {
        var copy = new HashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, body, copy);
    }
}
