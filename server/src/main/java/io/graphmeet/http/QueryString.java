package io.graphmeet.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A request's query parameters, names and values percent-decoded exactly once ({@code +} is a space), as
 * Graph reads them: a join link encoded twice stays encoded once and matches nothing. A query that cannot be
 * decoded is a malformed request.
 */
public record QueryString(Map<String, String> parameters) {

    public QueryString {
        parameters = Map.copyOf(parameters);
    }

    /** Parses a raw query (without {@code ?}); of repeated names the first wins. */
    public static QueryString parse(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.putIfAbsent(name, value);
            }
        }
        return new QueryString(parameters);
    }

    /** The decoded value, or null if the parameter is absent. */
    public String get(String name) {
        return parameters.get(name);
    }

    private static String decode(String text) {
        String decoded;
        try {
            decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.malformed("The query string is not correctly percent-encoded.");
        }
        if (!Text.isAcceptable(decoded)) {
            throw RequestRefusedException.malformed("The query string " + Text.RULE);
        }
        return decoded;
    }
}
