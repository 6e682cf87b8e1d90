package io.graphmeet.observe;

/** The Graph operations graphmeet serves, named as Graph's API reference names them; reused as metric labels. */
public enum GraphOperation {
    CREATE_OR_GET("createOrGet"),
    CREATE("create"),
    GET("get"),
    LIST("list"),
    UPDATE("update"),
    DELETE("delete"),
    /** A request no route matched, or a method a route does not serve. */
    UNMATCHED("unmatched");

    private final String label;

    GraphOperation(String label) {
        this.label = label;
    }

    /** The name in metrics and the access log, e.g. {@code createOrGet}. */
    public String label() {
        return label;
    }

    /** The operation whose {@linkplain #label label} is {@code label}; {@link #UNMATCHED} for any other. */
    public static GraphOperation ofLabel(String label) {
        for (GraphOperation operation : values()) {
            if (operation.label.equals(label)) {
                return operation;
            }
        }
        return UNMATCHED;
    }

    /** Whether the operation may create a meeting, and so counts against the monthly meetings per user. */
    public boolean createsMeetings() {
        return this == CREATE_OR_GET || this == CREATE;
    }
}
