package io.graphmeet.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The one body reader of every surface: a body is read at most once, only when its {@code Content-Type} is the one
 * the surface expects, and never past the size limit (a declared {@code Content-Length} over it is refused before
 * anything is read). Charset: a JSON body goes to Jackson as bytes (it detects UTF-8, -16 and -32, as RFC 8259
 * allows); a form body is percent-encoded ASCII whose escapes are read as UTF-8, as Entra reads them. A
 * {@code charset} parameter in the {@code Content-Type} is not consulted.
 */
public final class RequestBody {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final int maxBytes;

    public RequestBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object; anything else, an empty body included, is refused with Graph's wording. */
    public ObjectNode jsonObject(ServerRequest request) {
        return Json.readObject(jsonBytes(request));
    }

    /**
     * The bytes of a JSON body as sent, for those who keep it as it came and read it with {@link Json#readObject};
     * refused like {@link #jsonObject} when the {@code Content-Type} is not JSON or the body is too large.
     */
    public byte[] jsonBytes(ServerRequest request) {
        return read(request, JSON).orElseThrow(Json::unreadable);
    }

    /** Like {@link #jsonObject}, except that a request without a body reads as an empty object. */
    public ObjectNode jsonObjectOrEmpty(ServerRequest request) {
        byte[] bytes = read(request, JSON).orElseThrow(Json::unreadable);
        return bytes.length == 0 ? JsonNodeFactory.instance.objectNode() : Json.readObject(bytes);
    }

    /** A form-encoded body as text; empty when there is none or the request is not a form. */
    public String form(ServerRequest request) {
        return read(request, FORM)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
    }

    /** The body's bytes (none when the request has no body); empty when the Content-Type is not {@code mediaType}. */
    private Optional<byte[]> read(ServerRequest request, String mediaType) {
        if (!request.content().hasEntity()) {
            return Optional.of(new byte[0]);
        }
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(mediaType)) {
            return Optional.empty();
        }
        long declared = request.headers().contentLength().orElse(-1L);
        if (declared > maxBytes) {
            throw RequestRefusedException.tooLarge(maxBytes);
        }
        // a declared length sizes the buffer (readNBytes allocates up to 16 KiB otherwise, for a body of 30 bytes)
        int limit = declared >= 0 ? (int) declared : maxBytes;
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > maxBytes) {
                throw RequestRefusedException.tooLarge(maxBytes);
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
