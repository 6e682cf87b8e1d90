package io.graphmeet.errors;

/** A request failed with a Graph error that is safe to show to the caller as it is. */
public final class GraphException extends RuntimeException {

    private final GraphError error;

    public GraphException(GraphError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public GraphError error() {
        return error;
    }
}
