package io.graphmeet.errors;

import io.graphmeet.http.RequestRefusedException;

/** The catalogue of errors graphmeet answers with: HTTP status and Graph's error code. */
public enum GraphError {
    BAD_REQUEST(400, "BadRequest"),
    INVALID_ARGUMENT(400, "InvalidArgument"),
    INVALID_AUTHENTICATION_TOKEN(401, "InvalidAuthenticationToken"),
    UNAUTHORIZED(401, "Unauthorized"),
    AUTHENTICATION_ERROR(401, "AuthenticationError"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "NotFound"),
    METHOD_NOT_ALLOWED(405, "MethodNotAllowed"),
    CONFLICT(409, "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType"),
    REQUEST_ENTITY_TOO_LARGE(413, "RequestEntityTooLarge"),
    TOO_MANY_REQUESTS(429, "TooManyRequests"),
    INTERNAL_SERVER_ERROR(500, "InternalServerError"),
    SERVICE_UNAVAILABLE(503, "ServiceNotAvailable"),
    GATEWAY_TIMEOUT(504, "GatewayTimeout");

    private final int status;
    private final String code;

    GraphError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The error for a request the edge kit refused: {@code 413} when too large, {@code 400} otherwise. */
    public static GraphError of(RequestRefusedException refusal) {
        return refusal.tooLarge() ? REQUEST_ENTITY_TOO_LARGE : BAD_REQUEST;
    }

    /** An exception carrying this error and a message for the caller. */
    public GraphException with(String message) {
        return new GraphException(this, message);
    }
}
