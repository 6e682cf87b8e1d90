package io.graphmeet.observe;

/** How verifying a request's bearer token ended. */
public enum TokenVerification {
    VALID,
    INVALID,
    MISSING;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
