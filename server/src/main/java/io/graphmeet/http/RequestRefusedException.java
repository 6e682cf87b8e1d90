package io.graphmeet.http;

/**
 * The edge kit refused to read a request: its body is malformed or too large. Each surface answers it in its own
 * error envelope; the message is safe to show to the caller as it is.
 */
public final class RequestRefusedException extends RuntimeException {

    private final boolean tooLarge;

    private RequestRefusedException(boolean tooLarge, String message) {
        super(message, null, false, false);
        this.tooLarge = tooLarge;
    }

    /** A body, field or value that cannot be read as the surface expects it. */
    public static RequestRefusedException malformed(String message) {
        return new RequestRefusedException(false, message);
    }

    static RequestRefusedException tooLarge(int limitBytes) {
        return new RequestRefusedException(true, "The request body exceeds the limit of " + limitBytes + " bytes.");
    }

    /** Whether the body exceeded the size limit (HTTP 413); otherwise it is malformed (HTTP 400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
