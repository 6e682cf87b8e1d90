package io.graphmeet.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import java.util.List;

/**
 * What makes one HTTP surface its own; the edge kit does the rest.
 *
 * @param name how log lines name the surface
 * @param requestIdHeader the response header carrying {@link RequestIds#requestId()}
 * @param jsonContentType the {@code Content-Type} of every reply with a body
 * @param headers headers on every reply
 * @param errors the surface's error envelope
 */
public record Surface(
        String name, HeaderName requestIdHeader, Header jsonContentType, List<Header> headers, ErrorReplies errors) {

    public Surface {
        headers = List.copyOf(headers);
    }
}
