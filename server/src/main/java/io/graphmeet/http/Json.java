package io.graphmeet.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one JSON mapper of every HTTP surface: reads request bodies, writes responses. */
public final class Json {

    /** Graph's message for any body that is not a JSON object; every surface that reads JSON uses it. */
    public static final String UNREADABLE_BODY = "Unable to read JSON request payload. Please ensure Content-Type "
            + "header is set and payload is of valid JSON format.";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    /**
     * The body as a JSON object, or a malformed-request refusal: with Graph's wording if it is not one, naming the
     * property if any name or string in it breaks {@link Text}'s rule.
     */
    public static ObjectNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw unreadable();
        }
        if (node instanceof ObjectNode object) {
            requireAcceptableText(object, "");
            return object;
        }
        throw unreadable();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code value} as a JSON tree, as {@link #write} would write it. */
    public static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static void requireAcceptableText(JsonNode node, String path) {
        if (node.isTextual() && !Text.isAcceptable(node.textValue())) {
            throw RequestRefusedException.malformed(path + " " + Text.RULE);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireAcceptableText(node.get(i), path + "[" + i + "]");
            }
        }
        if (node.isObject()) {
            for (var property : node.properties()) {
                String name = property.getKey();
                String propertyPath = path.isEmpty() ? name : path + "." + name;
                if (!Text.isAcceptable(name)) {
                    throw RequestRefusedException.malformed("A property name " + Text.RULE);
                }
                requireAcceptableText(property.getValue(), propertyPath);
            }
        }
    }

    static RequestRefusedException unreadable() {
        return RequestRefusedException.malformed(UNREADABLE_BODY);
    }
}
