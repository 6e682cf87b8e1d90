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
 */
public record JournalBody(byte[] bytes, int sentBytes, boolean truncated) {

    /** What stands in for a credential in a request body. */
    public static final String REDACTED = "[redacted]";

    /**
     * A request body read as {@code parsed} from {@code sent} (null if it was not JSON): kept as sent, unless a
     * property looks like a credential, when the kept copy has it {@linkplain #REDACTED blanked out}.
     */
    public static JournalBody ofRequest(byte[] sent, JsonNode parsed, int limit) {
        if (parsed == null) {
            return new JournalBody(null, sent.length, false);
        }
        if (Secrets.found(parsed)) {
            byte[] redacted = Json.write(Secrets.redacted(parsed));
            return of(redacted, redacted.length, limit);
        }
        return of(sent, sent.length, limit);
    }

    /** A response body graphmeet wrote: its own JSON, which holds no credentials. */
    public static JournalBody ofResponse(byte[] json, int limit) {
        return json == null ? null : of(json, json.length, limit);
    }

    private static JournalBody of(byte[] json, int sentBytes, int limit) {
        if (json.length <= limit) {
            return new JournalBody(json, sentBytes, false);
        }
        int end = limit;
        while (end > 0 && (json[end] & 0xC0) == 0x80) {
            end--; // do not cut a UTF-8 sequence in two
        }
        byte[] prefix = new byte[end];
        System.arraycopy(json, 0, prefix, 0, end);
        return new JournalBody(prefix, sentBytes, true);
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
