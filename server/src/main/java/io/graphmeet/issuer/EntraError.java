package io.graphmeet.issuer;

/**
 * The token endpoint's failures, with Entra's AADSTS numbers, OAuth error codes and wording, so clients that
 * match on either see what Entra would send.
 */
public enum EntraError {
    MISSING_PARAMETER(900144, "invalid_request", "The request body must contain the following parameter: '%s'."),
    DUPLICATE_PARAMETER(
            9000411, "invalid_request", "The request is not properly formatted. The parameter '%s' is duplicated."),
    POST_ONLY(900561, "invalid_request", "The endpoint only accepts POST, OPTIONS requests. Received a %s request."),
    TENANT_NOT_FOUND(
            90002,
            "invalid_tenant",
            "Tenant '%s' not found. Check to make sure you have the correct "
                    + "tenant ID and are signing into the correct cloud."),
    UNSUPPORTED_GRANT(70003, "unsupported_grant_type", "The app requested an unsupported grant type '%s'."),
    APP_NOT_FOUND(
            700016,
            "unauthorized_client",
            "Application with identifier '%s' was not found in the directory "
                    + "'%s'. This can happen if the application has not been installed by the administrator of the tenant "
                    + "or consented to by any user in the tenant. You may have sent your authentication request to the "
                    + "wrong tenant."),
    SECRET_MISSING(
            7000218,
            "invalid_client",
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
    SECRET_INVALID(
            7000215,
            "invalid_client",
            "Invalid client secret provided. Ensure the secret being sent in the "
                    + "request is the client secret value, not the client secret ID, for a secret added to app '%s'."),
    USER_NOT_FOUND(
            50034,
            "invalid_grant",
            "The user account {EUII Hidden} does not exist in the %s directory. "
                    + "To sign into this application, the account must be added to the directory."),
    ACCOUNT_LOCKED(
            50053,
            "invalid_grant",
            "Your account is locked because you've tried to sign in too many times "
                    + "with an incorrect user ID or password."),
    PASSWORD_INVALID(50126, "invalid_grant", "Error validating credentials due to invalid username or password."),
    SCOPE_INVALID(
            70011,
            "invalid_scope",
            "The provided value for the input parameter 'scope' is not valid. The scope %s is not valid."),
    SCOPE_NOT_DEFAULT(
            1002012,
            "invalid_scope",
            "The provided value for scope %s is not valid. Client credential "
                    + "flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."),
    RESOURCE_NOT_FOUND(
            500011, "invalid_resource", "The resource principal named %s was not found in the tenant named %s."),
    /** graphmeet's own, without an AADSTS number: such values would not survive the database. */
    TEXT_REFUSED(
            0, "invalid_request", "The value of '%s' must not contain NUL characters or unpaired UTF-16 surrogates."),
    /** graphmeet's own, without an AADSTS number: a request the edge kit could not read. */
    MALFORMED_REQUEST(0, "invalid_request", "%s"),
    /** graphmeet's own, without an AADSTS number. */
    BODY_TOO_LARGE(0, "invalid_request", "The request body exceeds the limit of %s bytes."),
    /** graphmeet's own, without an AADSTS number. */
    TEMPORARILY_UNAVAILABLE(0, "temporarily_unavailable", "The service is temporarily unavailable."),
    /** graphmeet's own, without an AADSTS number. */
    SERVER_ERROR(0, "server_error", "An internal server error occurred.");

    private final int code;
    private final String error;
    private final String template;

    EntraError(int code, String error, String template) {
        this.code = code;
        this.error = error;
        this.template = template;
    }

    /** The AADSTS number, or 0 for graphmeet's own failures. */
    public int code() {
        return code;
    }

    /** The OAuth 2.0 {@code error} value. */
    public String error() {
        return error;
    }

    /**
     * 401 when the client failed to authenticate, as RFC 6749 §5.2 asks; 413 for a body over the limit; 503 and
     * 500 for graphmeet's own failures; 400 for other request errors.
     */
    public int status() {
        return switch (error) {
            case "invalid_client" -> 401;
            case "temporarily_unavailable" -> 503;
            case "server_error" -> 500;
            default -> this == BODY_TOO_LARGE ? 413 : 400;
        };
    }

    /** An exception carrying this failure, its message filled with {@code arguments}. */
    public OAuthException with(Object... arguments) {
        String message = template.formatted(arguments);
        return new OAuthException(this, code == 0 ? message : "AADSTS" + code + ": " + message);
    }
}
