package io.graphmeet.testkit.admin;

/** The admin API refused a request: its status, and the error code and message of Graph's envelope. */
public final class AdminException extends RuntimeException {

    private final int status;
    private final String code;

    AdminException(String method, String path, int status, String code, String message) {
        super(method + " " + path + " answered " + status + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + message));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The envelope's {@code error.code}, e.g. {@code Conflict}; null when the answer had none. */
    public String code() {
        return code;
    }
}
