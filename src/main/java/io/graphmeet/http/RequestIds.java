package io.graphmeet.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The ids Graph puts on every response: a fresh {@code request-id} and the client's {@code client-request-id}. */
public record RequestIds(String requestId, String clientRequestId) {

    private static final int MAX_CLIENT_ID_LENGTH = 128;

    /** Echoes a sane client id; otherwise the client id is the request id, as Graph does. */
    public static RequestIds forRequest(String clientRequestId) {
        String requestId = randomGuid();
        boolean usable = clientRequestId != null && !clientRequestId.isBlank()
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
