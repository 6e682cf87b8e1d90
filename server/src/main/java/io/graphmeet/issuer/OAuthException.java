package io.graphmeet.issuer;

/** A token request failed in a way the client is told about in Entra's OAuth error shape. */
public final class OAuthException extends RuntimeException {

    private final EntraError error;

    OAuthException(EntraError error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public EntraError error() {
        return error;
    }
}
