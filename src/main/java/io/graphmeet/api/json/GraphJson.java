package io.graphmeet.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import io.graphmeet.errors.GraphException;
import java.io.IOException;

/** The one JSON mapper of the Graph edge: reads request bodies, writes responses. */
public final class GraphJson {

    /** Graph's message for any body that is not a JSON object. */
    public static final String UNREADABLE_BODY = "Unable to read JSON request payload. Please ensure Content-Type "
            + "header is set and payload is of valid JSON format.";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private GraphJson() {}

    /** The body as a JSON object, or a {@code 400 BadRequest} with Graph's wording. */
    public static ObjectNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw unreadable();
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw unreadable();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code value} as a JSON tree, as {@link #write} would write it. */
    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static GraphException unreadable() {
        return GraphError.BAD_REQUEST.with(UNREADABLE_BODY);
    }
}
