package io.graphmeet.http;

import java.util.HashMap;
import java.util.Map;

/**
 * What an endpoint answers: status, JSON body (null for none), headers of its own and, for an error, the
 * surface's error code (null for none), which the body carries and the access log and traces name.
 */
public record Reply(int status, byte[] body, Map<String, String> headers, String errorCode) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public Reply(int status, byte[] body, Map<String, String> headers) {
        this(status, body, headers, null);
    }

    /** This reply, naming the error code its body carries. */
    public Reply withErrorCode(String code) {
        return new Reply(status, body, headers, code);
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
        return new Reply(status, body, copy, errorCode);
    }
}
