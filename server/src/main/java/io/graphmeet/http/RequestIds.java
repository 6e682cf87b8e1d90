package io.graphmeet.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids every surface puts on every response, as Graph does: a fresh request id and the client's
 * {@code client-request-id} (Entra calls them the trace and the correlation id).
 */
public record RequestIds(String requestId, String clientRequestId) {

    /** Graph's header for {@link #requestId()}. */
    public static final HeaderName REQUEST_ID = HeaderNames.create("request-id");
    /** The client's header for its own id, echoed on the response. */
    public static final HeaderName CLIENT_REQUEST_ID = HeaderNames.create("client-request-id");

    private static final int MAX_CLIENT_ID_LENGTH = 128;

    /** The ids of {@code request}. */
    public static RequestIds of(ServerRequest request) {
        return forRequest(request.headers().first(CLIENT_REQUEST_ID).orElse(null));
    }

    /** Echoes a sane client id; otherwise the client id is the request id, as Graph does. */
    public static RequestIds forRequest(String clientRequestId) {
        String requestId = randomGuid();
        boolean usable = clientRequestId != null
                && !clientRequestId.isBlank()
                && clientRequestId.length() <= MAX_CLIENT_ID_LENGTH
                && clientRequestId.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        return new RequestIds(requestId, usable ? clientRequestId : requestId);
    }

    /** A version-4 GUID without SecureRandom's contention; request ids are not secrets. */
    private static String randomGuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
