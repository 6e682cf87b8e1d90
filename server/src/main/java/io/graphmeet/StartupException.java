package io.graphmeet;

/** graphmeet cannot start, for a reason its message gives in one line; {@link Main} exits with status 2. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }
}
