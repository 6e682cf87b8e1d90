package io.graphmeet.http;

/** One surface's error envelope: the reply for each failure an endpoint or the edge kit may throw. */
public interface ErrorReplies {

    /**
     * The reply for a failure this surface knows by type (its own errors and {@link RequestRefusedException}), or
     * null for any other, which is then an internal error.
     */
    Reply known(RuntimeException failure, RequestIds ids);

    /** The store is unavailable, so whether a write happened is unknown. */
    Reply unavailable(RequestIds ids);

    /** Anything unexpected: the cause is logged, the caller learns nothing of it. */
    Reply internalError(RequestIds ids);
}
