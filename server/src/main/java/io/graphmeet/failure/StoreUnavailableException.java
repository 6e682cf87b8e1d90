package io.graphmeet.failure;

/** The store failed, so whether a write happened is unknown. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
