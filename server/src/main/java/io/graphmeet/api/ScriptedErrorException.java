package io.graphmeet.api;

/**
 * A scripted fault answers this request with an error: {@code status} in Graph's envelope, with {@code Retry-After}
 * when {@code retryAfterSeconds} is not null.
 */
final class ScriptedErrorException extends RuntimeException {

    private final int status;
    private final Integer retryAfterSeconds;

    ScriptedErrorException(int status, Integer retryAfterSeconds) {
        super("scripted error " + status, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
