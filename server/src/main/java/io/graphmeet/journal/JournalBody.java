package io.graphmeet.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.graphmeet.http.Json;
import java.nio.charset.StandardCharsets;

/**
 * A request or response body as the journal keeps it: the JSON as it was sent when it fits the limit (credentials
 * in a request body already blanked out), else its first bytes, or nothing but its size when it was not JSON.
 *
 * @param bytes the JSON, or its first bytes when {@code truncated}; null when the body was not JSON
 * @param sentBytes the size of the body as sent
 * @param redacted whether credentials were blanked out of it
 */
public record JournalBody(byte[] bytes, int sentBytes, boolean truncated, boolean redacted) {

    /** What stands in for a credential in a request body. */
    public static final String REDACTED = "[redacted]";

    /**
     * A request body read as {@code parsed} from {@code sent} (null if it was not JSON): kept as sent, unless a
     * property looks like a credential, when the kept copy has it {@linkplain #REDACTED blanked out}.
     */
    public static JournalBody ofRequest(byte[] sent, JsonNode parsed, int limit) {
        if (parsed == null) {
            return new JournalBody(null, sent.length, false, false);
        }
        return Secrets.found(parsed) ? redacted(parsed, sent.length, limit) : of(sent, sent.length, limit, false);
    }

    /**
     * A response body graphmeet wrote. It holds graphmeet's own data, but may echo what the request sent (a
     * meeting's subject): when the request's body had a credential blanked out ({@code echoes}), it is looked
     * through as the request's was.
     */
    public static JournalBody ofResponse(byte[] json, int limit, boolean echoes) {
        if (json == null) {
            return null;
        }
        if (echoes) {
            JsonNode parsed;
            try {
                parsed = Json.readObject(json);
            } catch (RuntimeException notAnObject) {
                return new JournalBody(null, json.length, false, true);
            }
            if (Secrets.found(parsed)) {
                return redacted(parsed, json.length, limit);
            }
        }
        return of(json, json.length, limit, false);
    }

    private static JournalBody redacted(JsonNode parsed, int sentBytes, int limit) {
        return of(Json.write(Secrets.redacted(parsed)), sentBytes, limit, true);
    }

    private static JournalBody of(byte[] json, int sentBytes, int limit, boolean redacted) {
        if (json.length <= limit) {
            return new JournalBody(json, sentBytes, false, redacted);
        }
        int end = limit;
        while (end > 0 && (json[end] & 0xC0) == 0x80) {
            end--; // do not cut a UTF-8 sequence in two
        }
        byte[] prefix = new byte[end];
        System.arraycopy(json, 0, prefix, 0, end);
        return new JournalBody(prefix, sentBytes, true, redacted);
    }

    /**
     * The body for the admin API: the JSON object itself; when truncated, a string of its first bytes ending in
     * a marker; when it was not JSON, a string saying so.
     */
    public JsonNode toJson() {
        if (bytes == null) {
            return TextNode.valueOf("[not JSON: " + sentBytes + " bytes, not kept]");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (truncated) {
            return TextNode.valueOf(text + "…[truncated: " + bytes.length + " of " + sentBytes + " bytes kept]");
        }
        try {
            return Json.readObject(bytes);
        } catch (RuntimeException notAnObject) {
            return TextNode.valueOf(text);
        }
    }

    static long weight(JournalBody body) {
        return body == null || body.bytes == null ? 0 : 32 + body.bytes.length;
    }
}
