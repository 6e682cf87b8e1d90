package io.graphmeet.http;

/**
 * What a request was routed to, as those who watch requests name it: the route's path template (never the
 * request's own path, which may hold identifiers) and the operation's name.
 */
public record Operation(String pathTemplate, String name) {

    /** The name of what answers a request that no row matched, or a method a row does not serve. */
    public static final String UNMATCHED = "unmatched";

    /** The path template of the catch-all that answers requests no row matched. */
    public static final String ANY_PATH = "*";
}
